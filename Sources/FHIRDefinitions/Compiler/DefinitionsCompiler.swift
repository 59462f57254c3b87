public import Foundation
import FHIRModel

/// Compiles the specification's definitions package (hl7.fhir.r4.core, unpacked) into the compact
/// files Kiln loads at run time: `manifest.json`, `types.json`, `search-parameters.json`, one
/// `compartment-<code>.json` per compartment, and `structures/` with every StructureDefinition
/// trimmed for ``StructureDefinitionRegistry``.
///
/// ```swift
/// let summary = try DefinitionsCompiler.compile(
///     sourceDirectory: URL(fileURLWithPath: "/data/fhir-data/r4-core/package"),
///     output: URL(fileURLWithPath: "fhir-profiles/r4"))
/// print(summary)
/// ```
public struct DefinitionsCompiler: Sendable {
    /// The constrained datatypes kept in the type model, though they are profiles of Quantity.
    public static let constrainedDataTypes: Set<String> = ["SimpleQuantity", "MoneyQuantity"]
    /// The search parameter bundle's file name, looked for in the package and beside it.
    public static let searchParametersBundleName = "search-parameters.json"
    /// The folder below the output that receives every StructureDefinition, trimmed (see
    /// ``StructuresCompiler``).
    public static let structuresFolderName = "structures"

    /// Compiles the package in `sourceDirectory` into `output`, taking the search parameters from
    /// the bundle `search-parameters.json` in the package or beside it.
    public static func compile(sourceDirectory: URL, output: URL) throws -> Summary {
        try compile(sourceDirectory: sourceDirectory, searchParametersBundle: nil, output: output)
    }

    /// Compiles the package in `sourceDirectory` into `output`, taking the search parameters from
    /// `searchParametersBundle` (a Bundle of SearchParameter), or from the default bundle when nil.
    public static func compile(sourceDirectory: URL, searchParametersBundle: URL?, output: URL) throws -> Summary {
        let source = DefinitionsSource(directory: sourceDirectory)
        let package = try source.packageIdentity()
        let types = try source.types(constrainedDataTypes: constrainedDataTypes)
        let bundle = try searchParametersBundle ?? source.searchParametersBundle(named: searchParametersBundleName)
        let parameters = try source.searchParameters(inBundle: bundle)
        let compartments = try source.compartments()

        let structures = try StructuresCompiler.compile(packageDirectory: sourceDirectory, output: output.appendingPathComponent(structuresFolderName))

        let counts = [
            "structureDefinitions": structures.count,
            "types": types.count,
            "resourceTypes": types.filter(\.isConcreteResource).count,
            "elements": types.reduce(0) { $0 + $1.elements.count },
            "constraints": TypeModelCoding.distinctConstraintCount(types),
            "searchParameters": parameters.count,
            "compartments": compartments.count,
        ]
        let manifest = DefinitionsManifest(
            fhirVersion: package.fhirVersion,
            package: package.name,
            compartmentFileNames: compartments.map { DefinitionsManifest.compartmentFileName(for: $0.code) },
            counts: counts
        )
        // Build the catalog once so that definitions that cannot be loaded are never written.
        _ = try DefinitionsCatalog(manifest: manifest, typeModel: TypeModel(types: types), searchParameters: parameters, compartments: compartments)

        var files: [(name: String, bytes: [UInt8])] = [
            (DefinitionsManifest.typesFileName, LineBrokenJSONWriter(brokenKeys: ["constraints", "types", "elements"]).serialize(TypeModelCoding.json(TypeModel(types: types).types))),
            (DefinitionsManifest.searchParametersFileName, LineBrokenJSONWriter(brokenKeys: ["parameters"]).serialize(SearchParameterCoding.json(parameters))),
        ]
        for compartment in compartments {
            let bytes = LineBrokenJSONWriter(brokenKeys: ["resource"]).serialize(CompartmentCoding.json(compartment))
            files.append((DefinitionsManifest.compartmentFileName(for: compartment.code), bytes))
        }
        files.append((DefinitionsManifest.fileName, JSONSerializer(pretty: true).serialize(ManifestCoding.json(manifest)) + [0x0A]))

        do {
            try FileManager.default.createDirectory(at: output, withIntermediateDirectories: true)
        } catch {
            throw DefinitionsError(.io, "Cannot create \(output.path): \(error.localizedDescription)")
        }
        for file in files {
            try DefinitionsFile.write(file.bytes, to: output.appendingPathComponent(file.name))
        }
        return Summary(output: output.path, package: package.name, counts: counts, fileSizes: files.map { ($0.name, $0.bytes.count) }, structures: structures)
    }
}
