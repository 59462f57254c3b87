import FHIRDefinitions
import FHIRModel
import Foundation
import KilnFixtures

/// The repository's compiled definitions, loaded once for all tests.
func catalog() throws -> DefinitionsCatalog {
    try DefinitionsCatalog.loadDefault()
}

/// The repository's root directory.
let repositoryRoot = Fixtures.repositoryRoot

/// The specification package the committed files were compiled from (hl7.fhir.r4.core 4.0.1),
/// in the `KILN_FHIR_DATA` folder; throws when it is not there.
func specificationPackage() throws -> URL {
    try FHIRData.require("r4-core/package")
}

/// A new empty directory under the system's temporary directory.
func makeTemporaryDirectory() throws -> URL {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("kiln-definitions-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url
}

/// The US Core 6.1.0 package the committed profiles were compiled from, in the `KILN_FHIR_DATA`
/// folder; throws when it is not there.
func usCorePackage() throws -> URL {
    try FHIRData.require("us-core/6.1.0/package")
}

/// The published US Core 6.1.0 StructureDefinitions of the profiles Kiln ships (differential and
/// snapshot, without narrative), in Tests/Fixtures/us-core.
let publishedUSCoreDefinitions = Fixtures.url("us-core")

/// The repository's `fhir-profiles` folder.
let profilesDirectory = repositoryRoot.appendingPathComponent("fhir-profiles")

/// The JSON in a file.
func readJSON(_ url: URL) throws -> JSONValue {
    try JSONParser().parse([UInt8](Data(contentsOf: url)))
}

/// A US Core 6.1.0 StructureDefinition as published, differential and snapshot, by id.
func usCoreDefinition(_ id: String) throws -> StructureDefinition {
    try StructureDefinition(json: readJSON(publishedUSCoreDefinitions.appendingPathComponent("StructureDefinition-\(id).json")))
}
