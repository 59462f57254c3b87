import FHIRAudit
import FHIRStore
import Foundation
import KilnServer
import KilnTesting
import Testing

/// `kiln audit checkpoint`, `kiln audit verify` and `kiln audit keys` as an operator runs them.
@Suite("kiln audit", .serialized)
struct AuditCommandTests {
    typealias DB = AuditLogTestDatabase

    @Test("checkpoint signs one; verify prints intact and exits 0, then the first problem and 1, and 2 for a bad file or no database")
    func verifyExitStatus() async throws {
        try await DB.with { db in
            try await db.append(120)
            let directory = FileManager.default.temporaryDirectory.appendingPathComponent("kiln-audit-\(UUID().uuidString)")
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
            defer { try? FileManager.default.removeItem(at: directory) }
            let file = directory.appendingPathComponent("checkpoints.jsonl").path

            let checkpoint = try await KilnProcess.run(["audit", "checkpoint", "--database-url", db.url, "--checkpoint-file", file])
            #expect(checkpoint.status == 0)
            #expect(checkpoint.output.hasPrefix("checkpoint: 120 records, root "), "\(checkpoint.output)")
            #expect(try AuditCheckpointFile(path: file).read().map(\.treeSize) == [120])

            let intact = try await KilnProcess.run(["audit", "verify", "--database-url", db.url, "--checkpoint", file])
            #expect(intact.status == 0)
            #expect(intact.output.hasPrefix("intact: 120 records, 1 checkpoints, head "), "\(intact.output)")

            let keys = try await KilnProcess.run(["audit", "keys", "--database-url", db.url])
            #expect(keys.status == 0)
            let saved = directory.appendingPathComponent("keys.json").path
            try Data(keys.output.utf8).write(to: URL(fileURLWithPath: saved))
            #expect(try await KilnProcess.run(["audit", "verify", "--database-url", db.url, "--keys", saved]).status == 0)

            let again = try await KilnProcess.run(["audit", "checkpoint", "--database-url", db.url])
            #expect(again.status == 0)
            #expect(again.output.hasPrefix("checkpoint: 120 records, root "), "the latest checkpoint already covers the log: \(again.output)")
            #expect(try await db.checkpoints().count == 1)

            try await db.tamper(["UPDATE audit_record SET canonical = set_byte(canonical, 40, get_byte(canonical, 40) # 1) WHERE seq = 42"])
            let tampered = try await KilnProcess.run(["audit", "verify", "--database-url", db.url])
            #expect(tampered.status == 1)
            #expect(tampered.output.hasPrefix("altered record 42"), "\(tampered.output)")

            let bad = directory.appendingPathComponent("bad.jsonl").path
            try Data("not a checkpoint\n".utf8).write(to: URL(fileURLWithPath: bad))
            let unreadable = try await KilnProcess.run(["audit", "verify", "--database-url", db.url, "--checkpoint", bad])
            #expect(unreadable.status == 2)
            #expect(unreadable.output.hasPrefix("unreadable: line 1 of the checkpoint file"), "\(unreadable.output)")
        }
    }

    @Test("checkpoint refuses to sign over a log that no longer matches its checkpoint: exit 1")
    func checkpointRefusesTamperedLog() async throws {
        try await DB.with { db in
            try await db.append(50)
            var checkpointer = try db.checkpointer(records: 50)
            try await checkpointer.catchUp()
            try await db.append(5, first: 51)
            try await db.tamper(["UPDATE audit_record SET canonical = set_byte(canonical, 40, get_byte(canonical, 40) # 1) WHERE seq = 10"])
            let refused = try await KilnProcess.run(["audit", "checkpoint", "--database-url", db.url])
            #expect(refused.status == 1)
            #expect(refused.output.hasPrefix("refused: the audit log no longer matches its checkpoint of 50 records"), "\(refused.output)")
        }
    }

    @Test("verify exits 2 when there is no database")
    func noDatabase() async throws {
        let result = try await KilnProcess.run(["audit", "verify", "--database-url", "postgres://nobody@127.0.0.1:1/none"])
        #expect(result.status == 2)
        #expect(result.output.hasPrefix("unreadable: "), "\(result.output)")
    }
}
