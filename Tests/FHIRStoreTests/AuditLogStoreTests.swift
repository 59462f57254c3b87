import FHIRAudit
import FHIRStore
import Foundation
import KilnTesting
import Logging
import PostgresNIO
import Testing

/// The audit log's tables and appends, against PostgreSQL.
@Suite("Audit log store")
struct AuditLogStoreTests {
    static func record(_ text: String, patients: [String] = []) -> AuditRecord {
        AuditRecord(id: UUID().uuidString.lowercased(), recorded: Date(), canonical: Array(text.utf8), typeCode: "rest", subtypes: ["read"], action: "R",
                         outcome: "0", patients: patients, agents: ["client-a"], purposes: ["TREAT"])
    }

    @Test("Appends number records from 1 without gaps, in their own transaction or in a write's, and keep their bytes exactly")
    func appendsInOrder() async throws {
        try await withMigratedStore { store in
            let log = AuditLogStore(client: store.client, logger: Logger(label: "test"))
            #expect(try await log.head().sequence == 0)
            #expect(try await log.append([Self.record("one"), Self.record("two", patients: ["Patient/p1"])]) == 1)
            let third = try await store.withTransaction { transaction in
                try await transaction.appendAudit([Self.record("{\"three\": \"\u{00E9}\"}")])
            }
            #expect(third == 3)
            // A write that rolls back takes its audit records with it.
            struct Rollback: Error {}
            await #expect(throws: Rollback.self) {
                try await store.withTransaction { transaction in
                    try await transaction.appendAudit([Self.record("rolled back")])
                    throw Rollback()
                }
            }
            var rows: [StoredAuditRecord] = []
            try await log.forEachRecord(from: 1, batchSize: 2) { rows.append($0) }
            #expect(rows.map(\.sequence) == [1, 2, 3])
            #expect(rows.map { String(decoding: $0.canonicalBytes, as: UTF8.self) } == ["one", "two", "{\"three\": \"\u{00E9}\"}"])
            // PostgreSQL chains exactly as FHIRAudit does, from the documented genesis.
            var previous = AuditChain.genesis
            for row in rows {
                #expect(row.chainHash == AuditChain.chainHash(previous: previous, sequence: row.sequence, canonicalBytes: row.canonicalBytes))
                previous = row.chainHash
            }
            let head = try await log.head()
            #expect(head.sequence == 3)
            #expect(head.chainHash == rows.last?.chainHash)
            var fromTwo: [Int64] = []
            try await log.forEachRecord(from: 2) { fromTwo.append($0.sequence) }
            #expect(fromTwo == [2, 3])
            let patients = try await store.client.query("SELECT patients FROM audit_record WHERE seq = 2", logger: Logger(label: "test"))
            for try await value in patients.decode([String].self) { #expect(value == ["Patient/p1"]) }
        }
    }

    @Test("Records and checkpoints cannot be updated, deleted or truncated, by any role")
    func appendOnly() async throws {
        try await withMigratedStore { store in
            let log = AuditLogStore(client: store.client, logger: Logger(label: "test"))
            try await log.append([Self.record("one")])
            #expect(try await log.addCheckpoint(treeSize: 1, madeAt: Date(), body: Array("{}".utf8)))
            #expect(try await !log.addCheckpoint(treeSize: 1, madeAt: Date(), body: Array("{\"other\":1}".utf8)))
            for statement in [
                "UPDATE audit_record SET canonical = 'x' WHERE seq = 1", "DELETE FROM audit_record", "TRUNCATE audit_record",
                "UPDATE audit_checkpoint SET body = 'x'", "DELETE FROM audit_checkpoint", "TRUNCATE audit_checkpoint",
            ] {
                await #expect(throws: (any Error).self, "\(statement)") {
                    try await store.client.query(PostgresQuery(unsafeSQL: statement), logger: Logger(label: "test"))
                }
            }
            #expect(try await log.count() == 1)
            #expect(try await log.checkpoints() == [Array("{}".utf8)])
        }
    }

    @Test("A search value holding U+001F is refused and nothing is appended")
    func separatorRefused() async throws {
        try await withMigratedStore { store in
            let log = AuditLogStore(client: store.client, logger: Logger(label: "test"))
            await #expect(throws: AuditLogStoreError.invalidListItem) {
                try await log.append([Self.record("one", patients: ["Patient/a\u{1F}b"])])
            }
            let count = try await log.count()
            #expect(count == 0)
        }
    }
}
