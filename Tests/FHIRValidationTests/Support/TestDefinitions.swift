import FHIRDefinitions
import FHIRModel
import FHIRValidation
import Foundation
import Synchronization

/// Where the tests find the repository and the shared FHIR data beside it.
enum TestPaths {
    static let repositoryRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let fhirData = repositoryRoot.deletingLastPathComponent().appendingPathComponent("shared/fhir-data")
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

/// StructureDefinitions read straight from a folder of FHIR JSON files (the R4 core package),
/// with definitions added on top for one test.
final class FolderDefinitions: StructureDefinitionProvider, Sendable {
    private let files: [String: URL]
    private let loaded = Mutex<[String: StructureDefinition]>([:])

    /// The R4 core package's StructureDefinitions, indexed once per process.
    static let r4: FolderDefinitions = FolderDefinitions(folder: TestPaths.fhirData.appendingPathComponent("r4-core/package"))

    /// US Core 6.1.0's profiles and extensions over R4.
    static let usCore: LayeredDefinitions = {
        let folder = TestPaths.fhirData.appendingPathComponent("us-core/6.1.0/package")
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        var definitions: [StructureDefinition] = []
        for name in names where name.hasPrefix("StructureDefinition-") && name.hasSuffix(".json") {
            guard let data = try? Data(contentsOf: folder.appendingPathComponent(name)),
                  let json = try? JSONParser().parse(Array(data)),
                  let definition = try? StructureDefinition(json: json) else { continue }
            definitions.append(definition)
        }
        return LayeredDefinitions(definitions, over: r4)
    }()

    init(folder: URL) {
        var files: [String: URL] = [:]
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        for name in names where name.hasPrefix("StructureDefinition-") && name.hasSuffix(".json") {
            let stem = name.dropFirst("StructureDefinition-".count).dropLast(5)
            files["http://hl7.org/fhir/StructureDefinition/\(stem)"] = folder.appendingPathComponent(name)
        }
        self.files = files
    }

    func definition(url: String) -> StructureDefinition? {
        let key = url.firstIndex(of: "|").map { String(url[..<$0]) } ?? url
        if let definition = loaded.withLock({ $0[key] }) { return definition }
        guard let file = files[key], let data = try? Data(contentsOf: file),
              let json = try? JSONParser().parse(Array(data)),
              let definition = try? StructureDefinition(json: json) else { return nil }
        loaded.withLock { $0[key] = definition }
        return definition
    }
}

/// Definitions added over another provider.
struct LayeredDefinitions: StructureDefinitionProvider {
    let added: [String: StructureDefinition]
    let base: any StructureDefinitionProvider

    init(_ definitions: [StructureDefinition], over base: any StructureDefinitionProvider) {
        var added: [String: StructureDefinition] = [:]
        for definition in definitions { added[definition.url] = definition }
        self.added = added
        self.base = base
    }

    func definition(url: String) -> StructureDefinition? {
        let key = url.firstIndex(of: "|").map { String(url[..<$0]) } ?? url
        return added[key] ?? base.definition(url: url)
    }
}

/// The first resource of an NDJSON sample file that satisfies `predicate`.
func sample(_ file: String, where predicate: (JSONValue) -> Bool = { _ in true }) throws -> JSONValue {
    let data = try Data(contentsOf: TestPaths.fhirData.appendingPathComponent(file))
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
