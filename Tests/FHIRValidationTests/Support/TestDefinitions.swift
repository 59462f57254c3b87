import FHIRDefinitions
import FHIRModel
import FHIRValidation
import Foundation
import KilnFixtures

/// Where the tests find the repository, what it ships and the test data in Tests/Fixtures.
enum TestPaths {
    static let repositoryRoot = Fixtures.repositoryRoot
    /// The compiled definitions the repository ships.
    static let compiledDefinitions = repositoryRoot.appendingPathComponent("fhir-profiles/r4").path
    /// The terminology the repository ships.
    static let terminology = repositoryRoot.appendingPathComponent("terminology").path
}

/// The validator over what Kiln ships (definitions, profiles, terminology), made once.
enum ShippedValidator {
    static let shared: Result<Validator, any Error> = Result {
        try Validator.shipped(profilesDirectory: TestPaths.compiledDefinitions, terminologyDirectory: TestPaths.terminology)
    }

    static func make() throws -> Validator { try shared.get() }
}

/// The StructureDefinitions Kiln ships (R4, its core profiles, the shipped US Core 6.1.0
/// profiles and Kiln's own), without terminology: structure, cardinality, invariants, slicing.
enum ShippedDefinitions {
    static let shared: Result<StructureDefinitionRegistry, any Error> = Result {
        try StructureDefinitionRegistry.loadDefault(explicitDirectory: TestPaths.compiledDefinitions)
    }

    /// A validator over them, without a terminology service.
    static func validator() throws -> Validator {
        Validator(definitions: try shared.get())
    }
}

/// The first resource of an NDJSON sample file that satisfies `predicate`.
func sample(_ file: String, where predicate: (JSONValue) -> Bool = { _ in true }) throws -> JSONValue {
    let data = try Data(contentsOf: Fixtures.url(file))
    for line in data.split(separator: UInt8(ascii: "\n")) where !line.isEmpty {
        let resource = try JSONParser().parse(Array(line))
        if predicate(resource) { return resource }
    }
    throw CocoaError(.fileReadCorruptFile)
}

/// Parses JSON text for a test.
func json(_ text: String) throws -> JSONValue {
    try JSONParser().parse(Array(text.utf8))
}
