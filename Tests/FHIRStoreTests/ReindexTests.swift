import FHIRAccess
import FHIRDefinitions
import FHIRModel
import FHIRSearch
import FHIRStore
import Foundation
import KilnTesting
import Logging
import Testing

/// `ResourceStore.reindex` against a real PostgreSQL.
@Suite("Reindex")
struct ReindexTests {
    @Test("Reindexing rewrites only resources whose values changed, and searches see the new values")
    func rewritesOnlyChangedResources() async throws {
        try await withMigratedStore { store in
            let now = Date()
            try await store.withTransaction { transaction in
                try await transaction.write((1...5).map { number in
                    let resource: JSONValue = ["resourceType": "Patient", "id": .string("p\(number)"), "gender": number == 1 ? "female" : "male"]
                    return ResourceVersionWrite(resourceType: "Patient", id: "p\(number)", versionID: 1, lastUpdated: now, method: .create, resource: resource,
                                                index: SearchIndexEntries(tokens: [TokenIndexRow(parameter: "gender", system: "", code: "unknown")]))
                })
            }
            // The new "definition": gender as written.
            let entries: @Sendable (JSONValue) -> SearchIndexEntries = { resource in
                SearchIndexEntries(tokens: [TokenIndexRow(parameter: "gender", system: "", code: resource["gender"]?.stringValue ?? "")])
            }
            let compiler = SearchCompiler(patientCompartment: CompartmentDefinition(code: "Patient", url: "urn:test", parametersByResourceType: [:]))
            let female = SearchQuery(resourceTypes: ["Patient"], conditions: [.token(parameter: "gender", [TokenCriterion(system: nil, code: "female")], negated: false)])
            #expect(try await store.resources(compiler.page(female, filter: .unrestricted)).isEmpty)

            let first = try await store.reindex(batchSize: 2, entries: entries)
            #expect(first.examined == 5)
            #expect(first.rewritten == 5)
            #expect(try await store.resources(compiler.page(female, filter: .unrestricted)).map(\.resource.id) == ["p1"])

            let second = try await store.reindex(batchSize: 2, entries: entries)
            #expect(second.examined == 5)
            #expect(second.rewritten == 0)
            let onlyObservations = try await store.reindex(resourceTypes: ["Observation"], entries: entries)
            #expect(onlyObservations.examined == 0)
        }
    }
}
