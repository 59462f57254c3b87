import FHIRAudit
import FHIRStore
import Foundation
import KilnServer
import Testing

/// The checkpointer against PostgreSQL: when it signs, what it signs after a restart, and
/// several of them on one database.
@Suite("Audit checkpointer", .serialized)
struct AuditCheckpointerTests {
    typealias DB = AuditLogTestDatabase

    /// The root and chain head FHIRAudit's appender gives over the same bytes, at every size.
    private func appenderStates(_ db: DB) async throws -> [Int64: (root: AuditDigest, head: AuditDigest)] {
        var appender = AuditLogAppender()
        var states: [Int64: (root: AuditDigest, head: AuditDigest)] = [0: (appender.root, appender.chainHead)]
        for record in try await db.storedRecords() {
            let appended = appender.append(canonicalBytes: record.canonicalBytes)
            #expect(appended.chainHash == record.chainHash)
            states[appender.treeSize] = (appender.root, appender.chainHead)
        }
        return states
    }

    @Test("A checkpoint at every multiple of N records, none while the interval has not passed")
    func everyNRecords() async throws {
        try await DB.with { db in
            try await db.append(250)
            var checkpointer = try db.checkpointer(records: 100)
            let now = Date()
            #expect(try await checkpointer.checkpointIfDue(now: now).map(\.treeSize) == [100, 200])
            #expect(checkpointer.treeSize == 250)
            #expect(try await checkpointer.checkpointIfDue(now: now.addingTimeInterval(60)).isEmpty)
            try await db.append(60, first: 251)
            #expect(try await checkpointer.checkpointIfDue(now: now.addingTimeInterval(61)).map(\.treeSize) == [300])
            let states = try await appenderStates(db)
            for checkpoint in try await db.checkpoints() {
                #expect(checkpoint.root == states[checkpoint.treeSize]?.root)
                #expect(checkpoint.chainHead == states[checkpoint.treeSize]?.head)
                #expect(checkpoint.keyID == (try await db.keys.currentKey().keyID))
            }
        }
    }

    @Test("A checkpoint when the interval passed and the log grew, none when it did not grow")
    func interval() async throws {
        try await DB.with { db in
            try await db.append(30)
            var checkpointer = try db.checkpointer(records: 1_000, interval: .seconds(10))
            let now = Date()
            // No checkpoint at all yet: the grown log is signed at once.
            #expect(try await checkpointer.checkpointIfDue(now: now).map(\.treeSize) == [30])
            try await db.append(5, first: 31)
            #expect(try await checkpointer.checkpointIfDue(now: now.addingTimeInterval(5)).isEmpty)
            #expect(try await checkpointer.checkpointIfDue(now: now.addingTimeInterval(11)).map(\.treeSize) == [35])
            #expect(try await checkpointer.checkpointIfDue(now: now.addingTimeInterval(100)).isEmpty)
        }
    }

    @Test("After a restart the checkpointer catches up from record 1 to the root an appender gives over the same bytes")
    func catchUpAfterRestart() async throws {
        try await DB.with { db in
            try await db.append(333)
            var first = try db.checkpointer(records: 100)
            try await first.catchUp()
            try await db.append(77, first: 334)
            var restarted = try db.checkpointer(records: 100, batchSize: 50)
            let made = try await restarted.catchUp()
            #expect(made.map(\.treeSize) == [400])
            let states = try await appenderStates(db)
            #expect(restarted.treeSize == 410)
            #expect(restarted.root == states[410]?.root)
            #expect(restarted.chainHead == states[410]?.head)
            let latest = try #require(try await restarted.checkpointNow())
            #expect(latest.treeSize == 410 && latest.root == states[410]?.root)
            #expect(try await db.checkpoints().map(\.treeSize) == [100, 200, 300, 400, 410])
        }
    }

    @Test("Two checkpointers on one database, the log growing between them, never store conflicting checkpoints")
    func twoCheckpointers() async throws {
        try await DB.with { db in
            let directory = FileManager.default.temporaryDirectory.appendingPathComponent("kiln-checkpointers-\(UUID().uuidString)")
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
            defer { try? FileManager.default.removeItem(at: directory) }
            let files = [directory.appendingPathComponent("a.jsonl").path, directory.appendingPathComponent("b.jsonl").path]
            try await withThrowingTaskGroup(of: Void.self) { group in
                group.addTask {
                    for round in 0..<10 { try await db.append(37, first: 1 + round * 37) }
                }
                for file in files {
                    group.addTask {
                        var checkpointer = try db.checkpointer(records: 50, interval: .milliseconds(1), file: file, batchSize: 16)
                        for _ in 0..<40 {
                            try await checkpointer.checkpointIfDue(now: Date())
                            try await Task.sleep(for: .milliseconds(5))
                        }
                        while try await db.log.count() < 370 { try await Task.sleep(for: .milliseconds(5)) }
                        try await checkpointer.checkpointNow()
                    }
                }
                try await group.waitForAll()
            }
            let stored = try await db.checkpoints()
            #expect(Set(stored.map(\.treeSize)).count == stored.count)
            #expect(stored.contains { $0.treeSize == 370 })
            let states = try await appenderStates(db)
            for checkpoint in stored {
                #expect(checkpoint.root == states[checkpoint.treeSize]?.root, "checkpoint of \(checkpoint.treeSize)")
                #expect(checkpoint.chainHead == states[checkpoint.treeSize]?.head)
            }
            // Each node's file holds only checkpoints the database kept, and together they are all of them.
            // A node that never stored a checkpoint first never made its file.
            let written = try files.filter { FileManager.default.fileExists(atPath: $0) }.flatMap { try AuditCheckpointFile(path: $0).read() }
            #expect(Set(written) == Set(stored))
            #expect(written.count == stored.count)
            #expect(try await db.verify(file: written).isIntact)
        }
    }

    @Test("A checkpointer refuses to sign over a log that no longer matches a stored checkpoint")
    func refusesDivergedLog() async throws {
        try await DB.with { db in
            try await db.append(120)
            var first = try db.checkpointer(records: 100)
            try await first.catchUp()
            try await db.tamper(["UPDATE audit_record SET canonical = set_byte(canonical, 40, get_byte(canonical, 40) # 1) WHERE seq = 10"])
            var restarted = try db.checkpointer(records: 100)
            await #expect(throws: AuditCheckpointerError.diverged(treeSize: 100, what: "Merkle root")) {
                try await restarted.checkpointNow()
            }
            try await db.tamper(["DELETE FROM audit_record WHERE seq = 110"])
            var again = try db.checkpointer(records: 1_000)
            await #expect(throws: AuditCheckpointerError.self) { try await again.checkpointNow() }
        }
    }

    @Test("An empty log gets a checkpoint of size 0 when asked, and nothing more until it grows")
    func emptyLog() async throws {
        try await DB.with { db in
            var checkpointer = try db.checkpointer()
            #expect(try await checkpointer.checkpointIfDue(now: Date()).isEmpty)
            let empty = try #require(try await checkpointer.checkpointNow())
            #expect(empty.treeSize == 0 && empty.root == MerkleHash.emptyRoot && empty.chainHead == AuditChain.genesis)
            #expect(try await checkpointer.checkpointNow() == empty)
            #expect(try await db.verify().isIntact)
        }
    }

    @Test("The configuration refuses counts and durations that are not positive")
    func configuration() throws {
        #expect(throws: AuditConfigurationError.self) { try AuditConfiguration(checkpointRecords: 0) }
        #expect(throws: AuditConfigurationError.self) { try AuditConfiguration(checkpointInterval: .zero) }
        #expect(AuditConfiguration.standard.checkpointRecords == 10_000)
        #expect(AuditConfiguration.standard.checkpointInterval == .seconds(60))
        #expect(try AuditConfiguration(checkpointFile: "").checkpointFile == nil)
    }
}
