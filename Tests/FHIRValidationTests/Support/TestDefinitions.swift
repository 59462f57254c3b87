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
}

/// StructureDefinitions read straight from a folder of FHIR JSON files (the R4 core package),
/// with definitions added on top for one test.
final class FolderDefinitions: StructureDefinitionProvider, Sendable {
    private let files: [String: URL]
    private let loaded = Mutex<[String: StructureDefinition]>([:])

    /// The R4 core package's StructureDefinitions, indexed once per process.
    static let r4: FolderDefinitions = FolderDefinitions(folder: TestPaths.fhirData.appendingPathComponent("r4-core/package"))

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
        let key = url.split(separator: "|").first.map(String.init) ?? url
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
        let key = url.split(separator: "|").first.map(String.init) ?? url
        return added[key] ?? base.definition(url: url)
    }
}

/// Parses JSON text for a test.
func json(_ text: String) throws -> JSONValue {
    try JSONParser().parse(Array(text.utf8))
}
