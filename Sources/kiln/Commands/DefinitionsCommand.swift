import ArgumentParser
import FHIRDefinitions
import Foundation

/// `kiln definitions`: compiles the FHIR specification's definitions into the files Kiln loads,
/// and shows what a compiled directory holds.
struct DefinitionsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "definitions",
        abstract: "Compile and inspect the FHIR definitions Kiln runs on.",
        subcommands: [Compile.self, Show.self, Snapshot.self, Profiles.self, SearchDocs.self]
    )

    /// `kiln definitions compile`: reads the hl7.fhir.r4.core package and writes `fhir-profiles/r4`,
    /// then the US Core profiles Kiln ships into `fhir-profiles/us-core`.
    struct Compile: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Compile the hl7.fhir.r4.core package (and the shipped US Core profiles) into the compact files Kiln loads."
        )

        @Option(help: "The unpacked hl7.fhir.r4.core package directory (\(FHIRDataFolder.defaultHelp("r4-core/package"))).")
        var source: String?

        @Option(help: "A Bundle of SearchParameter (default: search-parameters.json in the package or beside it).")
        var searchParameters: String?

        @Option(help: "The directory to write the compiled files to.")
        var output = "fhir-profiles/r4"

        @Option(help: "The unpacked hl7.fhir.us.core 6.1.0 package directory (\(FHIRDataFolder.defaultHelp("us-core/6.1.0/package"))).")
        var usCoreSource: String?

        @Option(help: "The directory to write the shipped US Core profiles to.")
        var usCoreOutput = "fhir-profiles/us-core"

        @Flag(help: "Compile the R4 definitions only, not the US Core profiles.")
        var skipUSCore = false

        func run() throws {
            let source = try FHIRDataFolder.resolve(source, "r4-core/package", flag: "--source")
            let usCoreSource = skipUSCore ? "" : try FHIRDataFolder.resolve(usCoreSource, "us-core/6.1.0/package", flag: "--us-core-source")
            let summary = try DefinitionsCompiler.compile(
                sourceDirectory: URL(fileURLWithPath: source),
                searchParametersBundle: searchParameters.map { URL(fileURLWithPath: $0) },
                output: URL(fileURLWithPath: output)
            )
            print(summary)
            guard !skipUSCore else { return }
            let usCore = try StructuresCompiler.compile(
                packageDirectory: URL(fileURLWithPath: usCoreSource),
                output: URL(fileURLWithPath: usCoreOutput),
                selecting: StructuresCompiler.shippedUSCoreProfiles
            )
            print(usCore)
        }
    }

    /// `kiln definitions show`: finds and loads the compiled definitions and prints their counts.
    struct Show: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Find and load the compiled definitions, and print what they hold and how long loading took."
        )

        @Option(help: "The compiled definitions directory (default: found as the server finds it).")
        var profiles: String?

        func run() throws {
            let directory = try DefinitionsLocator(explicitDirectory: profiles).locate()
            let clock = ContinuousClock()
            var catalog: DefinitionsCatalog?
            let elapsed = try clock.measure { catalog = try DefinitionsCatalog.load(from: directory) }
            guard let catalog else { return }
            print("Definitions in \(directory.path) (\(catalog.manifest.package), FHIR \(catalog.manifest.fhirVersion))")
            print("  types: \(catalog.typeModel.types.count), resource types: \(catalog.typeModel.resourceTypeNames.count)")
            print("  search parameters: \(catalog.searchParameters.count)")
            print("  compartments: \(catalog.compartments.map(\.code).joined(separator: ", "))")
            print("  loaded in \(elapsed.formatted(.units(allowed: [.milliseconds])))")

            let registry = StructureDefinitionRegistry(directory: StructureDefinitionRegistry.profilesRoot(containing: directory))
            let usCorePatient = "http://hl7.org/fhir/us/core/StructureDefinition/us-core-patient"
            let first = clock.measure { _ = registry.definition(url: usCorePatient) }
            let generated = clock.measure { _ = registry.definition(url: "https://kiln.dev/fhir/StructureDefinition/lab-observation") }
            print("  structure definitions: \(registry.summaries.count), \(registry.summaries.filter(\.isProfile).count) of them profiles or extensions")
            print("  first lookup (us-core-patient) in \(first.formatted(.units(allowed: [.milliseconds], fractionalPart: .show(length: 1))))")
            print("  first lookup of a differential-only profile (lab-observation, snapshot generated) in \(generated.formatted(.units(allowed: [.milliseconds], fractionalPart: .show(length: 1))))")
            for problem in registry.problems { print("  problem: \(problem.message)") }
        }
    }
}
