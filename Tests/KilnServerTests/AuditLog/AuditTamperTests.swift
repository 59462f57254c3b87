import FHIRAudit
import FHIRStore
import Foundation
import KilnServer
import NIOCore
import PostgresNIO
import Testing

/// `kiln audit verify`'s function against a log of 300 records in PostgreSQL, checkpointed at
/// 100, 200 and 300, after each way a database superuser could tamper with it (the
/// append-only triggers bypassed): each is found at the right sequence, with the right kind.
@Suite("Audit log tampering, found by verification", .serialized)
struct AuditTamperTests {
    typealias DB = AuditLogTestDatabase

    /// A database with 300 records checkpointed every 100.
    private func withLog(_ body: @Sendable (DB) async throws -> Void) async throws {
        try await DB.with { db in
            try await db.append(300)
            var checkpointer = try db.checkpointer(records: 100)
            let made = try await checkpointer.catchUp()
            #expect(made.map(\.treeSize) == [100, 200, 300])
            try await body(db)
        }
    }

    private func first(_ report: AuditVerificationReport) -> String {
        report.findings.first.map { "\($0.kind.rawValue) \($0.sequence)" } ?? "intact"
    }

    @Test("An intact log verifies: 0, and the summary names records, checkpoints and head")
    func intact() async throws {
        try await withLog { db in
            let report = try await db.verify()
            #expect(report.isIntact)
            #expect(report.exitStatus == 0)
            let head = try await db.log.head()
            #expect(report.summary == "intact: 300 records, 3 checkpoints, head \(head.chainHash.hex)")
            #expect(AuditVerificationExit.status(of: .success(report)) == .intact)
        }
    }

    @Test("One byte of one record changed: altered, at that record")
    func alteredByte() async throws {
        try await withLog { db in
            try await db.tamper(["UPDATE audit_record SET canonical = set_byte(canonical, 40, get_byte(canonical, 40) # 1) WHERE seq = 123"])
            let report = try await db.verify()
            #expect(first(report) == "altered 123")
            #expect(report.summary.hasPrefix("altered record 123"))
            #expect(report.exitStatus == 1)
        }
    }

    @Test("One record deleted: deleted, at its sequence")
    func deleted() async throws {
        try await withLog { db in
            try await db.tamper(["DELETE FROM audit_record WHERE seq = 77"])
            let report = try await db.verify()
            #expect(first(report) == "deleted 77")
            #expect(report.summary.hasPrefix("record 77 deleted"))
        }
    }

    @Test("One record deleted and the later ones renumbered down: deleted, at its sequence")
    func deletedAndRenumbered() async throws {
        try await withLog { db in
            try await db.tamper([
                "DELETE FROM audit_record WHERE seq = 77",
                "UPDATE audit_record SET seq = seq + 1000000 WHERE seq > 77",
                "UPDATE audit_record SET seq = seq - 1000001 WHERE seq > 1000000",
            ])
            #expect(first(try await db.verify()) == "deleted 77")
        }
    }

    @Test("A forged record inserted with a recomputed link, the later ones renumbered up: inserted, at its sequence")
    func inserted() async throws {
        try await withLog { db in
            let previous = try #require(try await db.log.record(sequence: 149))
            let bytes = DB.canonical(9999, id: "forged")
            let hash = AuditChain.chainHash(previous: previous.chainHash, sequence: 150, canonicalBytes: bytes)
            try await db.tamper { connection in
                try await connection.query("UPDATE audit_record SET seq = seq + 1000000 WHERE seq >= 150", logger: DB.logger)
                try await connection.query("UPDATE audit_record SET seq = seq - 999999 WHERE seq > 1000000", logger: DB.logger)
                try await connection.query(
                    """
                    INSERT INTO audit_record (seq, id, recorded, canonical, chain_hash, type_code, outcome)
                    VALUES (150, 'forged', now(), \(ByteBuffer(bytes: bytes)), \(ByteBuffer(bytes: hash.bytes)), 'rest', '0')
                    """,
                    logger: DB.logger)
                try await connection.query("UPDATE audit_chain_head SET seq = seq + 1", logger: DB.logger)
            }
            let report = try await db.verify()
            #expect(first(report) == "inserted 150")
            #expect(report.summary.hasPrefix("inserted at 150"))
        }
    }

    @Test("Two records swapped: reordered, at the first")
    func swapped() async throws {
        try await withLog { db in
            try await db.tamper([
                "UPDATE audit_record SET seq = 1000200 WHERE seq = 200",
                "UPDATE audit_record SET seq = 200 WHERE seq = 201",
                "UPDATE audit_record SET seq = 201 WHERE seq = 1000200",
            ])
            let report = try await db.verify()
            #expect(first(report) == "reordered 200")
            #expect(report.summary.hasPrefix("reordered at 200"))
        }
    }

    @Test("The tail cut off after a checkpoint covered it: truncated, at the first missing record")
    func truncatedTail() async throws {
        try await withLog { db in
            let kept = try #require(try await db.log.record(sequence: 250))
            try await db.tamper { connection in
                try await connection.query("DELETE FROM audit_record WHERE seq > 250", logger: DB.logger)
                // A careful superuser also moves the chain head back.
                try await connection.query("UPDATE audit_chain_head SET seq = 250, chain_hash = \(ByteBuffer(bytes: kept.chainHash.bytes))", logger: DB.logger)
            }
            let report = try await db.verify()
            #expect(first(report) == "truncated 251")
            #expect(report.findings.first?.checkpointTreeSize == 300)
            #expect(report.summary.hasPrefix("truncated: checkpoint of 300 records no longer matches (log has 250)"))
        }
    }

    @Test("The tail cut off after the last checkpoint, the chain head left: truncated, at the first missing record")
    func truncatedBeyondCheckpoints() async throws {
        try await withLog { db in
            try await db.append(20, first: 301)
            try await db.tamper(["DELETE FROM audit_record WHERE seq > 310"])
            let report = try await db.verify()
            #expect(first(report) == "truncated 311")
            #expect(report.summary.hasPrefix("truncated: the log ends at 310"))
        }
    }

    @Test("Every link recomputed after a changed record: only the checkpoint catches it, truncated at its size")
    func rewrittenChain() async throws {
        try await withLog { db in
            var records = try await db.storedRecords()
            records[119].canonicalBytes[40] ^= 0x01
            var previous = records[118].chainHash
            for index in 119..<records.count {
                records[index].chainHash = AuditChain.chainHash(previous: previous, sequence: records[index].sequence, canonicalBytes: records[index].canonicalBytes)
                previous = records[index].chainHash
            }
            let rewritten = Array(records[119...])
            let head = previous
            try await db.tamper { connection in
                for record in rewritten {
                    try await connection.query(
                        "UPDATE audit_record SET canonical = \(ByteBuffer(bytes: record.canonicalBytes)), chain_hash = \(ByteBuffer(bytes: record.chainHash.bytes)) WHERE seq = \(record.sequence)",
                        logger: DB.logger)
                }
                try await connection.query("UPDATE audit_chain_head SET chain_hash = \(ByteBuffer(bytes: head.bytes))", logger: DB.logger)
            }
            let report = try await db.verify()
            #expect(first(report) == "truncated 200")
            #expect(report.findings.first?.checkpointTreeSize == 200)
            #expect(report.summary.hasPrefix("truncated: checkpoint of 200 records no longer matches (records up to 200 rewritten)"))
        }
    }

    @Test("A checkpoint's signature altered: badSignature, at its tree size")
    func alteredSignature() async throws {
        try await withLog { db in
            let signed = try #require(try await db.checkpoints().first { $0.treeSize == 200 })
            var signature = signed.signature
            signature[7] ^= 0x01
            let altered = try AuditCheckpoint(treeSize: 200, root: signed.root, chainHead: signed.chainHead, time: signed.time, signature: signature, keyID: signed.keyID)
            let body = try altered.jsonData()
            try await db.tamper { connection in
                try await connection.query("UPDATE audit_checkpoint SET body = \(ByteBuffer(bytes: body)) WHERE tree_size = 200", logger: DB.logger)
            }
            let report = try await db.verify()
            #expect(first(report) == "badSignature 200")
            #expect(report.summary.hasPrefix("bad signature: checkpoint of 200 records"))
        }
    }

    @Test("A stored checkpoint that is no checkpoint: badSignature, at its tree size")
    func garbledCheckpoint() async throws {
        try await withLog { db in
            try await db.tamper(["UPDATE audit_checkpoint SET body = 'garbage'::bytea WHERE tree_size = 100"])
            #expect(first(try await db.verify()) == "badSignature 100")
        }
    }

    @Test("A rewrite re-signed with a key the superuser added: only the saved key set catches it")
    func resignedWithNewKey() async throws {
        try await withLog { db in
            let saved = try await db.keys.publicKeys()
            let forger = AuditSigningKey.generate()
            var records = try await db.storedRecords()
            records[9].canonicalBytes[40] ^= 0x01
            var appender = AuditLogAppender()
            var forged: [StoredAuditRecord] = []
            var checkpoints: [AuditCheckpoint] = []
            for record in records {
                forged.append(appender.append(canonicalBytes: record.canonicalBytes))
                if appender.treeSize % 100 == 0 { checkpoints.append(try appender.checkpoint(time: 1_800_000_000, key: forger)) }
            }
            let (rewritten, head, resigned) = (forged[9...], appender.chainHead, checkpoints)
            try await db.tamper { connection in
                for record in rewritten {
                    try await connection.query(
                        "UPDATE audit_record SET canonical = \(ByteBuffer(bytes: record.canonicalBytes)), chain_hash = \(ByteBuffer(bytes: record.chainHash.bytes)) WHERE seq = \(record.sequence)",
                        logger: DB.logger)
                }
                try await connection.query("UPDATE audit_chain_head SET chain_hash = \(ByteBuffer(bytes: head.bytes))", logger: DB.logger)
                for checkpoint in resigned {
                    try await connection.query(
                        "UPDATE audit_checkpoint SET body = \(ByteBuffer(bytes: Array(try checkpoint.jsonData()))) WHERE tree_size = \(checkpoint.treeSize)", logger: DB.logger)
                }
                try await connection.query(
                    """
                    INSERT INTO audit_checkpoint_key (generation, kid, public_key, private_key_pem, created_at)
                    VALUES (2, \(forger.keyID), \(ByteBuffer(bytes: forger.publicKey.x963Representation)), \(forger.pemRepresentation), now())
                    """,
                    logger: DB.logger)
            }
            #expect(try await db.verify().isIntact)
            let report = try await db.verify(trustedKeys: saved)
            #expect(report.findings.map { "\($0.kind.rawValue) \($0.sequence)" } == ["badSignature 100", "badSignature 200", "badSignature 300"])
        }
    }

    @Test("Checkpoints removed from the database with the tail: the checkpoint file still has them")
    func checkpointFileKeepsWhatTheDatabaseLost() async throws {
        try await withLog { db in
            let file = try await db.checkpoints()
            let kept = try #require(try await db.log.record(sequence: 250))
            try await db.tamper { connection in
                try await connection.query("DELETE FROM audit_record WHERE seq > 250", logger: DB.logger)
                try await connection.query("DELETE FROM audit_checkpoint WHERE tree_size = 300", logger: DB.logger)
                try await connection.query("UPDATE audit_chain_head SET seq = 250, chain_hash = \(ByteBuffer(bytes: kept.chainHash.bytes))", logger: DB.logger)
            }
            #expect(try await db.verify().isIntact)
            let report = try await db.verify(file: file)
            #expect(report.findings.map { "\($0.kind.rawValue) \($0.sequence)" } == ["truncated 251", "missingCheckpoint 300"])
            #expect(report.summary.hasPrefix("truncated: checkpoint of 300 records no longer matches (log has 250)"))
        }
    }

    @Test("A checkpoint of the database that differs from the file's: alteredCheckpoint, at its size")
    func checkpointDiffersFromFile() async throws {
        try await withLog { db in
            let file = try await db.checkpoints()
            try await db.tamper(["UPDATE audit_checkpoint SET body = set_byte(body, 20, get_byte(body, 20) # 1) WHERE tree_size = 100"])
            let report = try await db.verify(file: file)
            #expect(report.findings.contains { $0.kind == .alteredCheckpoint && $0.sequence == 100 })
            #expect(!report.isIntact)
            // An intact database and its file agree.
            try await DB.with { fresh in
                try await fresh.append(120)
                var checkpointer = try fresh.checkpointer(records: 50)
                try await checkpointer.catchUp()
                #expect(try await fresh.verify(file: try await fresh.checkpoints()).isIntact)
            }
        }
    }

    @Test("--from 151 trusts record 150: a change before it is not seen, one after it is, and it says what it could not check")
    func from() async throws {
        try await withLog { db in
            let intact = try await db.verify(from: 151)
            #expect(intact.isIntact && intact.recordCount == 150 && intact.startSequence == 151)
            #expect(intact.summary.hasPrefix("intact: 150 records from 151, 3 checkpoints"))
            #expect(intact.notes.count == 1 && intact.notes[0].contains("Merkle roots"))
            try await db.tamper(["UPDATE audit_record SET canonical = set_byte(canonical, 40, get_byte(canonical, 40) # 1) WHERE seq = 123"])
            #expect(try await db.verify(from: 151).isIntact)
            try await db.tamper(["UPDATE audit_record SET canonical = set_byte(canonical, 40, get_byte(canonical, 40) # 1) WHERE seq = 180"])
            #expect(first(try await db.verify(from: 151)) == "altered 180")
            await #expect(throws: AuditVerificationError.self) { try await db.verify(from: 400) }
        }
    }

    @Test("The exit status: 0 intact, 1 tampered, 2 unreadable (a bad checkpoint file, no database)")
    func exitStatus() async throws {
        try await withLog { db in
            #expect(AuditVerificationExit.status(of: .success(try await db.verify())).rawValue == 0)
            try await db.tamper(["DELETE FROM audit_record WHERE seq = 5"])
            #expect(AuditVerificationExit.status(of: .success(try await db.verify())).rawValue == 1)
        }
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("bad-checkpoints-\(UUID().uuidString).jsonl").path
        try Data("{\"treeSize\": 1}\n".utf8).write(to: URL(fileURLWithPath: path))
        defer { try? FileManager.default.removeItem(atPath: path) }
        let result = Result<AuditVerificationReport, any Error> { _ = try AuditCheckpointFile(path: path).read(); throw CancellationError() }
        #expect(AuditVerificationExit.status(of: result).rawValue == 2)
        #expect(throws: AuditCheckpointFileError.self) { try AuditCheckpointFile(path: path).read() }
        #expect(throws: AuditCheckpointFileError.self) { try AuditCheckpointFile(path: path + ".missing").read() }
    }
}
