public import Foundation
import FHIRModel

extension DefinitionsCatalog {
    /// Loads the compiled definitions in `directory` (the folder holding `manifest.json`).
    ///
    /// Throws ``DefinitionsError`` when a file is missing or malformed, when the directory was
    /// compiled in another format, or when a file holds fewer or more definitions than the
    /// manifest counts.
    public static func load(from directory: URL) throws -> DefinitionsCatalog {
        let manifestValue = try DefinitionsFile.read(directory.appendingPathComponent(DefinitionsManifest.fileName))
        let manifest = try ManifestCoding.manifest(from: manifestValue, file: DefinitionsManifest.fileName)
        guard manifest.formatVersion == DefinitionsManifest.currentFormatVersion else {
            throw DefinitionsError(.incompatible, "\(directory.path) holds definitions in format \(manifest.formatVersion); this Kiln reads format \(DefinitionsManifest.currentFormatVersion). Compile them again with `kiln definitions compile`.")
        }

        let typesFile = DefinitionsManifest.typesFileName
        let types = try TypeModelCoding.types(from: DefinitionsFile.read(directory.appendingPathComponent(typesFile)), file: typesFile)
        try check(manifest, "types", types.count, file: typesFile)

        let parametersFile = DefinitionsManifest.searchParametersFileName
        let parameters = try SearchParameterCoding.parameters(from: DefinitionsFile.read(directory.appendingPathComponent(parametersFile)), file: parametersFile)
        try check(manifest, "searchParameters", parameters.count, file: parametersFile)

        var compartments: [CompartmentDefinition] = []
        for file in manifest.compartmentFileNames {
            let value = try DefinitionsFile.read(directory.appendingPathComponent(file))
            compartments.append(try CompartmentCoding.compartment(from: value, at: .file(file)))
        }
        return try DefinitionsCatalog(manifest: manifest, typeModel: TypeModel(types: types), searchParameters: parameters, compartments: compartments)
    }

    private static func check(_ manifest: DefinitionsManifest, _ name: String, _ count: Int, file: String) throws {
        guard let expected = manifest.counts[name], expected != count else { return }
        throw DefinitionsError(.malformed, "\(file) holds \(count) \(name) but the manifest counts \(expected); compile the definitions again")
    }
}
