import FHIRAccess
import FHIRModel
import FHIRSearch
import FHIRStore
import Foundation
import KilnTesting
import Logging
import Testing

/// Listing every current resource of a type, page by page, against PostgreSQL.
@Suite("Current resources of a type")
struct CurrentResourceSequenceTests {
    @Test("Every current version of the type in id order across pages; deleted resources and other types left out")
    func listsCurrentVersions() async throws {
        try await withMigratedStore { store in
            let now = Date()
            let ids = (1...7).map { "sd-\($0)" }
            try await store.withTransaction { transaction in
                try await transaction.write(ids.map { ResourceVersionWrite.minimal("StructureDefinition", $0, at: now) } + [.minimal("Patient", "p-1", at: now)])
            }
            try await store.withTransaction { transaction in
                try await transaction.write([
                    .minimal("StructureDefinition", "sd-2", version: 2, at: now),
                    ResourceVersionWrite(deleting: "StructureDefinition", id: "sd-5", versionID: 2, lastUpdated: now),
                ])
            }
            var listed: [StoredResource] = []
            for try await resource in store.currentResources(ofType: "StructureDefinition", pageSize: 3) {
                listed.append(resource)
            }
            #expect(listed.map(\.id) == ["sd-1", "sd-2", "sd-3", "sd-4", "sd-6", "sd-7"])
            #expect(listed.first { $0.id == "sd-2" }?.versionID == 2)
            #expect(listed.allSatisfy { !$0.isDeleted && $0.resourceType == "StructureDefinition" })
            var none = 0
            for try await _ in store.currentResources(ofType: "Observation") { none += 1 }
            #expect(none == 0)
        }
    }
}
