import FHIRDefinitions
import Foundation
import Testing

@Suite struct DefinitionsLoadingTests {
    private let compiled = repositoryRoot.appendingPathComponent("fhir-profiles/r4")

    @Test func manifestDescribesTheCompiledR4Definitions() throws {
        let catalog = try catalog()
        #expect(catalog.manifest.fhirVersion == "4.0.1")
        #expect(catalog.manifest.package == "hl7.fhir.r4.core#4.0.1")
        #expect(catalog.manifest.counts["types"] == catalog.typeModel.types.count)
        #expect(catalog.manifest.counts["resourceTypes"] == 146)
        #expect(catalog.manifest.counts["searchParameters"] == 1375)
        #expect(catalog.manifest.counts["elements"] == catalog.typeModel.types.reduce(0) { $0 + $1.elements.count })
    }

    @Test func concurrentDefaultLoadsShareOneCatalog() async throws {
        let counts = try await withThrowingTaskGroup(of: Int.self) { group in
            for _ in 0..<8 { group.addTask { try DefinitionsCatalog.loadDefault().typeModel.types.count } }
            return try await group.reduce(into: [Int]()) { $0.append($1) }
        }
        #expect(counts.count == 8)
        #expect(Set(counts).count == 1)
        #expect(try DefinitionsCatalog.shared.searchParameters.count == 1375)
    }

    @Test func anotherFormatVersionIsRejected() throws {
        let copy = try copyOfCompiled()
        try edit(copy.appendingPathComponent("manifest.json")) { $0.replacingOccurrences(of: "\"formatVersion\": 1", with: "\"formatVersion\": 99") }
        #expect {
            try DefinitionsCatalog.load(from: copy)
        } throws: { ($0 as? DefinitionsError)?.kind == .incompatible }
    }

    @Test func missingFileIsNamed() throws {
        let copy = try copyOfCompiled()
        try FileManager.default.removeItem(at: copy.appendingPathComponent("types.json"))
        #expect {
            try DefinitionsCatalog.load(from: copy)
        } throws: { error in
            guard let error = error as? DefinitionsError else { return false }
            return error.kind == .io && error.message.contains("types.json")
        }
    }

    @Test func countsDisagreeingWithTheManifestAreRejected() throws {
        let copy = try copyOfCompiled()
        try edit(copy.appendingPathComponent("manifest.json")) { $0.replacingOccurrences(of: "\"searchParameters\": 1375", with: "\"searchParameters\": 1376") }
        #expect {
            try DefinitionsCatalog.load(from: copy)
        } throws: { ($0 as? DefinitionsError)?.message.contains("search-parameters.json") == true }
    }

    @Test func malformedElementIsReportedWithItsPath() throws {
        let copy = try copyOfCompiled()
        try edit(copy.appendingPathComponent("types.json")) {
            $0.replacingOccurrences(of: #"{"path":"Observation.status","min":1,"#, with: #"{"path":"Observation.status","#)
        }
        #expect {
            try DefinitionsCatalog.load(from: copy)
        } throws: { error in
            guard let error = error as? DefinitionsError else { return false }
            return error.kind == .malformed && error.message.contains("Observation.status") && error.message.contains("'min'")
        }
    }

    private func copyOfCompiled() throws -> URL {
        let copy = try makeTemporaryDirectory().appendingPathComponent("r4")
        try FileManager.default.copyItem(at: compiled, to: copy)
        return copy
    }

    private func edit(_ file: URL, _ change: (String) -> String) throws {
        let text = try String(contentsOf: file, encoding: .utf8)
        let changed = change(text)
        #expect(changed != text, "the edit changed nothing in \(file.lastPathComponent)")
        try changed.write(to: file, atomically: true, encoding: .utf8)
    }
}
