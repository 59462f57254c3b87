import FHIRDefinitions
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
