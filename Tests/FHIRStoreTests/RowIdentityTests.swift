import FHIRModel
import FHIRSearch
import FHIRStore
import Foundation
import KilnTesting
import Logging
import Testing

/// Row identities (`resource.rid`) looked up by type and id, against PostgreSQL.
@Suite("Row identities")
struct RowIdentityTests {
    @Test("A resource keeps its row identity through updates and a delete, whether it comes from memory or the database; a resource never stored has none")
    func identitiesStayTheSame() async throws {
        try await withMigratedStore { store in
            let now = Date()
            try await store.withTransaction { transaction in
                try await transaction.write([.minimal("Patient", "a", at: now), .minimal("Patient", "b", at: now)])
            }
            let first = try await store.rowIDs(of: [("Patient", "a"), ("Patient", "b"), ("Patient", "never")])
            #expect(Set(first.keys) == ["Patient/a", "Patient/b"])
            #expect(first["Patient/a"] != first["Patient/b"])
            try await store.withTransaction { transaction in
                try await transaction.write([
                    .minimal("Patient", "a", version: 2, at: now),
                    ResourceVersionWrite(deleting: "Patient", id: "b", versionID: 2, lastUpdated: now),
                ])
            }
            // Remembered: the same answer without a query.
            let again = try await store.rowIDs(of: [("Patient", "a"), ("Patient", "b"), ("Patient", "never")])
            #expect(again == first)
            // Another store over the same database reads them from PostgreSQL: still the same.
            let fresh = ResourceStore(client: store.client, logger: Logger(label: "test"))
            #expect(try await fresh.rowIDs(of: [("Patient", "a"), ("Patient", "b")]) == first)
            // A resource created after a miss is found, not remembered as missing.
            try await store.withTransaction { transaction in try await transaction.write([.minimal("Patient", "never", at: now)]) }
            let created = try await store.rowIDs(of: [("Patient", "never")])
            #expect(created["Patient/never"] != nil)
            #expect(try await store.id(ofRow: try #require(created["Patient/never"]), resourceType: "Patient") == "never")
        }
    }
}
