import FHIRAudit
import FHIRStore
import Foundation
import KilnTesting
import Logging
import PostgresNIO
import Testing

/// The checkpoint keys' table and the audit log's leaf and lookup reads, against PostgreSQL.
@Suite("Audit key store")
struct AuditKeyStoreTests {
    static let logger = Logger(label: "test")

    @Test("The current key is made on first use and the same afterwards")
    func madeOnce() async throws {
        try await withMigratedStore { store in
            let keys = AuditKeyStore(client: store.client, logger: Self.logger)
            #expect(try await keys.publicKeys().isEmpty)
            let first = try await keys.currentKey()
            let second = try await keys.currentKey()
            #expect(first.keyID == second.keyID)
            #expect(first.publicKey == second.publicKey)
            #expect(try await keys.publicKeys() == [first.publicKey])
        }
    }

    @Test("Nodes asking for the key at once agree on one, and one row is stored")
    func concurrent() async throws {
        try await withMigratedStore { store in
            let client = store.client
            let ids = try await withThrowingTaskGroup(of: String.self) { group in
                for _ in 0..<8 {
                    group.addTask { try await AuditKeyStore(client: client, logger: Self.logger).currentKey().keyID }
                }
                var ids: Set<String> = []
                for try await id in group { ids.insert(id) }
                return ids
            }
            #expect(ids.count == 1)
            let rows = try await client.query("SELECT count(*) FROM audit_checkpoint_key", logger: Self.logger)
            for try await count in rows.decode(Int64.self) { #expect(count == 1) }
        }
    }

    @Test("Keys cannot be updated, deleted or truncated, by any role")
    func appendOnly() async throws {
        try await withMigratedStore { store in
            let keys = AuditKeyStore(client: store.client, logger: Self.logger)
            let key = try await keys.currentKey()
            for statement in [
                "UPDATE audit_checkpoint_key SET private_key_pem = 'x'", "DELETE FROM audit_checkpoint_key", "TRUNCATE audit_checkpoint_key",
            ] {
                await #expect(throws: (any Error).self, "\(statement)") {
                    try await store.client.query(PostgresQuery(unsafeSQL: statement), logger: Self.logger)
                }
            }
            #expect(try await keys.currentKey().keyID == key.keyID)
        }
    }

    @Test("PostgreSQL's leaf hashes are FHIRAudit's, and records and checkpoints are found by id, sequence and size")
    func leavesAndLookups() async throws {
        try await withMigratedStore { store in
            let log = AuditLogStore(client: store.client, logger: Self.logger)
            let records = (1...30).map { AuditLogStoreTests.record("{\"n\":\($0),\"text\":\"\u{00E9}\"}") }
            try await log.append(records)
            let leaves = try await log.leaves(from: 1, limit: 100)
            #expect(leaves.map(\.sequence) == Array(1...30))
            for (leaf, record) in zip(leaves, records) {
                #expect(leaf.leafHash == MerkleHash.leafHash(record.canonical))
            }
            #expect(try await log.leaves(from: 11, through: 12, limit: 10).map(\.sequence) == [11, 12])
            #expect(try await log.records(from: 29, limit: 10).map(\.sequence) == [29, 30])
            let found = try #require(try await log.record(id: records[4].id))
            #expect(found.sequence == 5 && found.canonicalBytes == records[4].canonical && found.chainHash == leaves[4].chainHash)
            #expect(try await log.record(sequence: 30)?.canonicalBytes == records[29].canonical)
            #expect(try await log.record(id: "nobody") == nil)
            #expect(try await log.latestCheckpoint() == nil)
            try await log.addCheckpoint(treeSize: 10, madeAt: Date(), body: Array("ten".utf8))
            try await log.addCheckpoint(treeSize: 20, madeAt: Date(), body: Array("twenty".utf8))
            #expect(try await log.latestCheckpoint() == Array("twenty".utf8))
            #expect(try await log.checkpoint(treeSize: 10) == Array("ten".utf8))
            #expect(try await log.storedCheckpoints().map(\.treeSize) == [10, 20])
        }
    }
}
