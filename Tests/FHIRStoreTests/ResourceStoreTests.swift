import FHIRAccess
import FHIRDefinitions
import FHIRModel
import FHIRSearch
import FHIRStore
import Foundation
import KilnTesting
import Logging
import PostgresNIO
import Testing

/// The store against a real PostgreSQL database.
@Suite("Resource store")
struct ResourceStoreTests {
    /// Runs `body` with a migrated store over a fresh database.
    func withStore(_ body: @Sendable (ResourceStore) async throws -> Void) async throws {
        try await withMigratedStore(body)
    }

    func patient(_ id: String, version: Int64, family: String, at date: Date) -> ResourceVersionWrite {
        let resource: JSONValue = [
            "resourceType": "Patient", "id": .string(id),
            "meta": ["versionId": .string(String(version))],
            "identifier": [["system": "urn:mrn", "value": .string("mrn-\(id)")]],
            "name": [["family": .string(family)]],
        ]
        return ResourceVersionWrite(resourceType: "Patient", id: id, versionID: version, lastUpdated: date, method: version == 1 ? .create : .update, resource: resource, index: mrn("mrn-\(id)", patient: id))
    }

    /// Index values with one `identifier` token.
    func mrn(_ value: String, patient: String) -> SearchIndexEntries {
        SearchIndexEntries(tokens: [TokenIndexRow(parameter: "identifier", system: "urn:mrn", code: value)], compartmentPatients: [patient])
    }

    /// The ids of Patients matching `conditions`.
    func match(_ conditions: [SearchCondition], in transaction: StoreTransaction) async throws -> [String] {
        let compiler = SearchCompiler(patientCompartment: CompartmentDefinition(code: "Patient", url: "urn:test", parametersByResourceType: ["Patient": ["link"]]))
        return try await transaction.ids(compiler.match(resourceType: "Patient", conditions: conditions, filter: .unrestricted, limit: 2))
    }

    func identifier(_ value: String) -> SearchCondition {
        .token(parameter: "identifier", [TokenCriterion(system: "urn:mrn", code: value)], negated: false)
    }

    @Test("Migrations apply once; applying again does nothing")
    func migrations() async throws {
        let database = try await TestCluster.shared.makeDatabase()
        try await TestCluster.withClient(database) { client in
            let logger = Logger(label: "test")
            let first = try await Migrator().migrate(client: client, logger: logger)
            #expect(first == SchemaMigrations.all.map(\.version))
            let second = try await Migrator().migrate(client: client, logger: logger)
            #expect(second.isEmpty)
        }
        try await TestCluster.shared.dropDatabase(database)
    }

    @Test("Concurrent migrators (several nodes starting) apply each migration once")
    func concurrentMigrations() async throws {
        let database = try await TestCluster.shared.makeDatabase()
        try await TestCluster.withClient(database) { client in
            let applied = try await withThrowingTaskGroup(of: [Int].self) { group in
                for _ in 0..<4 { group.addTask { try await Migrator().migrate(client: client, logger: Logger(label: "test")) } }
                return try await group.reduce(into: [Int]()) { $0 += $1 }
            }
            #expect(applied.sorted() == SchemaMigrations.all.map(\.version))
        }
        try await TestCluster.shared.dropDatabase(database)
    }

    @Test("Every version is kept; the current one is one read away; text is stored exactly")
    func versions() async throws {
        try await withStore { store in
            try await store.withTransaction { transaction in
                try await transaction.write([patient("p1", version: 1, family: "One", at: transaction.now)])
            }
            try await store.withTransaction { transaction in
                #expect(try await transaction.lockForWrite(resourceType: "Patient", id: "p1") == CurrentVersion(versionID: 1, isDeleted: false))
                try await transaction.write([patient("p1", version: 2, family: "Two", at: transaction.now)])
            }
            let current = try #require(try await store.read(resourceType: "Patient", id: "p1"))
            #expect(current.versionID == 2)
            #expect(current.text?.contains("\"Two\"") == true)
            let first = try #require(try await store.read(resourceType: "Patient", id: "p1", versionID: 1))
            #expect(first.text?.contains("\"One\"") == true)
            #expect(try await store.read(resourceType: "Patient", id: "p2") == nil)
        }
    }

    @Test("A transaction that throws leaves nothing behind")
    func rollback() async throws {
        try await withStore { store in
            struct Abort: Error {}
            await #expect(throws: Abort.self) {
                try await store.withTransaction { transaction in
                    try await transaction.write([patient("gone", version: 1, family: "X", at: transaction.now)])
                    throw Abort()
                }
            }
            #expect(try await store.read(resourceType: "Patient", id: "gone") == nil)
            let matches = try await store.withTransaction { transaction in
                try await match([identifier("mrn-gone")], in: transaction)
            }
            #expect(matches.isEmpty)
        }
    }

    @Test("The token index follows the current version: old identifiers stop matching")
    func tokenIndexFollowsCurrentVersion() async throws {
        try await withStore { store in
            try await store.withTransaction { try await $0.write([patient("p1", version: 1, family: "A", at: $0.now)]) }
            let renamed: JSONValue = ["resourceType": "Patient", "id": "p1", "identifier": [["system": "urn:mrn", "value": "new"]]]
            try await store.withTransaction {
                try await $0.write([ResourceVersionWrite(resourceType: "Patient", id: "p1", versionID: 2, lastUpdated: $0.now, method: .update, resource: renamed, index: mrn("new", patient: "p1"))])
            }
            let (old, new) = try await store.withTransaction { transaction in
                (
                    try await match([identifier("mrn-p1")], in: transaction),
                    try await match([identifier("new")], in: transaction)
                )
            }
            #expect(old.isEmpty)
            #expect(new == ["p1"])
            try await store.withTransaction { try await $0.write([ResourceVersionWrite(deleting: "Patient", id: "p1", versionID: 3, lastUpdated: $0.now)]) }
            let afterDelete = try await store.withTransaction {
                try await match([.id(["p1"])], in: $0)
            }
            #expect(afterDelete.isEmpty)
        }
    }

    @Test("History pages newest first with a stable cursor")
    func historyPaging() async throws {
        try await withStore { store in
            for index in 1...5 {
                try await store.withTransaction { try await $0.write([patient("h\(index)", version: 1, family: "F\(index)", at: $0.now)]) }
            }
            let first = try await store.history(HistoryRequest(resourceType: "Patient", count: 2, includeTotal: true), visibleResources: nil)
            #expect(first.versions.map(\.id) == ["h5", "h4"])
            #expect(first.total == 5)
            let cursor = try #require(first.nextCursor)
            let second = try await store.history(HistoryRequest(resourceType: "Patient", count: 2, cursor: cursor, includeTotal: false), visibleResources: nil)
            #expect(second.versions.map(\.id) == ["h3", "h2"])
        }
    }
}
