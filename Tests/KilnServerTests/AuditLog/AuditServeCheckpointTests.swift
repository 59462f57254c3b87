import FHIRAudit
import FHIRStore
import Foundation
import KilnServer
import KilnTesting
import Testing

/// `kiln serve --audit-checkpoint-*`: the checkpointer runs beside the server.
@Suite("kiln serve audit checkpoints", .serialized)
struct AuditServeCheckpointTests {
    typealias DB = AuditLogTestDatabase

    @Test("While kiln serve runs, the log is checkpointed into the database and the checkpoint file, and verifies")
    func serveCheckpoints() async throws {
        try await DB.with { db in
            let directory = FileManager.default.temporaryDirectory.appendingPathComponent("kiln-serve-audit-\(UUID().uuidString)")
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
            defer { try? FileManager.default.removeItem(at: directory) }
            let file = directory.appendingPathComponent("checkpoints.jsonl").path
            let server = try await KilnProcess.start(arguments: [
                "--database-url", db.url, "--audit-checkpoint-records", "25", "--audit-checkpoint-interval", "0.5", "--audit-checkpoint-file", file,
            ])
            try await db.append(60)
            // The 25 and 50 multiples, then the interval's checkpoint of everything.
            let deadline = ContinuousClock.now + .seconds(30)
            var covered: Int64 = 0
            while ContinuousClock.now < deadline {
                let count = try await db.log.count()
                covered = (try? AuditCheckpointFile(path: file).read().map(\.treeSize).max()) ?? 0
                if covered >= 60, covered >= count { break }
                try await Task.sleep(for: .milliseconds(100))
            }
            #expect(covered >= 60)
            await server.kill(SIGTERM)
            let sizes = try await db.checkpoints().map(\.treeSize)
            #expect(sizes.contains(25) && sizes.contains(50))
            let verified = try await KilnProcess.run(["audit", "verify", "--database-url", db.url, "--checkpoint", file])
            #expect(verified.status == 0, "\(verified.output)")
            #expect(verified.output.hasPrefix("intact: "))
        }
    }
}
