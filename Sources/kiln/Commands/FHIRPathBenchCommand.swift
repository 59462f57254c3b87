import ArgumentParser
import KilnBenchmarks

/// `kiln bench fhirpath`: evaluates the R4 search parameter expressions of five resource types on
/// example resources with Kiln's FHIRPath engine, on one thread and on all cores, and with
/// fhirpathpy on the same pairs in the same run, and prints evaluations per second and their ratio.
struct FHIRPathBenchCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "fhirpath",
        abstract: "Benchmark Kiln's FHIRPath evaluation against fhirpathpy on search parameter expressions.",
        discussion: """
            Figures are only meaningful from a release build:
              swift build -c release --product kiln && .build/release/kiln bench fhirpath
            The fhirpathpy side runs \(FHIRPathBenchmarkOptions.fhirpathpyScriptPath) with python3
            (run from the repository root); without fhirpathpy (pip install fhirpathpy) only
            Kiln's figures are printed.
            """
    )

    @Option(help: "Length of each measured loop, in seconds (at least \(FHIRPathBenchmarkOptions.minimumSeconds)).")
    var seconds: Double = FHIRPathBenchmarkOptions.defaultSeconds

    @Option(
        name: .customLong("examples"),
        help: ArgumentHelp("The fhir-data folder holding examples/r4-spec/ and synthea/ndjson/ (\(FHIRDataFolder.defaultHelp(""))).", valueName: "DIR")
    )
    var examplesDirectory: String?

    @Option(help: "Workers of the multi-core loop, sharing the compiled expressions.")
    var workers: Int = FHIRPathBenchmarkOptions.defaultWorkers

    @Option(name: .customLong("json"), help: ArgumentHelp("Also write the figures to this file as JSON.", valueName: "FILE"))
    var jsonPath: String?

    func run() async throws {
        let examplesDirectory = try FHIRDataFolder.resolve(examplesDirectory, "", flag: "--examples")
        let options = FHIRPathBenchmarkOptions(seconds: seconds, examplesDirectory: examplesDirectory, workers: workers, jsonPath: jsonPath)
        do {
            try options.validate()
        } catch {
            throw ValidationError(error.description)
        }
        try await FHIRPathBenchmark.run(options)
    }
}
