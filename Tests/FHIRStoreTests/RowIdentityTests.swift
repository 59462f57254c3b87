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

    @Test("Only identities an earlier lookup found are known without a query")
    func knownWithoutQuery() async throws {
        try await withMigratedStore { store in
            try await store.withTransaction { transaction in try await transaction.write([.minimal("Patient", "a", at: Date())]) }
            #expect(store.knownRowID(resourceType: "Patient", id: "a") == nil)
            let found = try await store.rowIDs(of: [("Patient", "a"), ("Patient", "never")])
            #expect(store.knownRowID(resourceType: "Patient", id: "a") == found["Patient/a"])
            #expect(store.knownRowID(resourceType: "Patient", id: "never") == nil)
            #expect(store.knownRowID(resourceType: "Observation", id: "a") == nil)
        }
    }

    @Test("A row is read with its visibility in one query: found when the statement finds it, absent when it does not, a tombstone when deleted")
    func readVisibleByRow() async throws {
        try await withMigratedStore { store in
            let now = Date()
            try await store.withTransaction { transaction in
                try await transaction.write([.minimal("Patient", "a", at: now), .minimal("Patient", "b", at: now)])
            }
            let rows = try await store.rowIDs(of: [("Patient", "a"), ("Patient", "b")])
            let a = try #require(rows["Patient/a"])
            let b = try #require(rows["Patient/b"])
            // A stand-in for a compiled filter: only Patient/a passes it.
            let onlyA = { (rowID: Int64) in
                SQLStatement(text: "SELECT r.id FROM resource r WHERE r.rid = $1 AND r.id = $2", bindings: [.integer(rowID), .text("a")])
            }
            #expect(try await store.readVisible(rowID: a, resourceType: "Patient", visibility: nil)?.id == "a")
            #expect(try await store.readVisible(rowID: a, resourceType: "Patient", visibility: onlyA(a))?.id == "a")
            #expect(try await store.readVisible(rowID: b, resourceType: "Patient", visibility: onlyA(b)) == nil)
            #expect(try await store.readVisible(rowID: a, resourceType: "Observation", visibility: nil) == nil)
            #expect(try await store.readVisible(rowID: a + b + 1_000, resourceType: "Patient", visibility: nil) == nil)
            try await store.withTransaction { transaction in
                try await transaction.write([ResourceVersionWrite(deleting: "Patient", id: "a", versionID: 2, lastUpdated: now)])
            }
            let deleted = try await store.readVisible(rowID: a, resourceType: "Patient", visibility: nil)
            #expect(deleted?.isDeleted == true)
            #expect(deleted?.versionID == 2)
        }
    }
}
