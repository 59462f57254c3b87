import FHIRDefinitions
import FHIRModel
import Foundation

/// The repository's compiled definitions, loaded once for all tests.
func catalog() throws -> DefinitionsCatalog {
    try DefinitionsCatalog.loadDefault()
}

/// The repository's root directory.
let repositoryRoot = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent()
    .deletingLastPathComponent()
    .deletingLastPathComponent()

/// The specification package the committed files were compiled from, beside the repository.
let specificationPackage = repositoryRoot.deletingLastPathComponent().appendingPathComponent("shared/fhir-data/r4-core/package")

/// A new empty directory under the system's temporary directory.
func makeTemporaryDirectory() throws -> URL {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("kiln-definitions-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url
}

/// The US Core 6.1.0 package beside the repository.
let usCorePackage = repositoryRoot.deletingLastPathComponent().appendingPathComponent("shared/fhir-data/us-core/6.1.0/package")

/// The repository's `fhir-profiles` folder.
let profilesDirectory = repositoryRoot.appendingPathComponent("fhir-profiles")

/// The JSON in a file.
func readJSON(_ url: URL) throws -> JSONValue {
    try JSONParser().parse([UInt8](Data(contentsOf: url)))
}

/// A US Core 6.1.0 StructureDefinition as published, differential and snapshot, by id.
func usCoreDefinition(_ id: String) throws -> StructureDefinition {
    try StructureDefinition(json: readJSON(usCorePackage.appendingPathComponent("StructureDefinition-\(id).json")))
}
