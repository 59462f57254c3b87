import FHIRModel
import FHIRStore
import Foundation
import KilnTesting
import Testing

/// Kills the server with SIGKILL in the middle of a stream of transactions and checks, after a
/// restart, that every transaction is wholly there or wholly absent, and that every transaction
/// acknowledged before the kill is there.
@Suite("Crash consistency")
struct CrashConsistencyTests {
    static let batchSystem = "urn:kiln:test:crash-batch"
    static let entriesPerTransaction = 20

    static func transaction(batch: Int) -> JSONValue {
        var bundle = Fixtures.transaction((0..<entriesPerTransaction).map { index in
            var patient = Fixtures.patient(family: "Crash\(batch)", given: "E\(index)")
            patient["identifier"] = [["system": .string(batchSystem), "value": .string("B\(batch)")]]
            return ("urn:uuid:\(UUID().uuidString.lowercased())", patient)
        })
        bundle["id"] = .string("crash-\(batch)")
        return bundle
    }

    @Test("SIGKILL during transactions leaves each transaction all or nothing")
    func killDuringTransactions() async throws {
        let database = try await TestCluster.shared.makeDatabase()
        let url = "postgres://\(database.username)@\(database.host):\(database.port)/\(database.database)"
        let server = try await KilnProcess.start(databaseURL: url)
        let client = KilnClient(baseURL: server.baseURL)
        let acknowledged = Acknowledged()
        let writers = 4
        let sent = Acknowledged()
        let writerTask = Task {
            try await withThrowingTaskGroup(of: Void.self) { group in
                for writer in 0..<writers {
                    group.addTask {
                        var batch = writer
                        while !Task.isCancelled {
                            await sent.add(batch)
                            guard let response = try? await client.post("", json: Self.transaction(batch: batch)) else { return }
                            if response.status == 200 { await acknowledged.add(batch) }
                            batch += writers
                        }
                    }
                }
                try await group.waitForAll()
            }
        }
        // Let a good number of transactions commit, then kill the server mid-stream.
        let deadline = ContinuousClock.now + .seconds(30)
        while await acknowledged.count < 12, ContinuousClock.now < deadline {
            try await Task.sleep(for: .milliseconds(20))
        }
        await server.kill(SIGKILL)
        writerTask.cancel()
        _ = await writerTask.result

        let restarted = try await KilnProcess.start(databaseURL: url)
        let check = KilnClient(baseURL: restarted.baseURL)
        let acknowledgedBatches = await acknowledged.values
        let sentBatches = await sent.values
        #expect(acknowledgedBatches.count >= 12)
        #expect(sentBatches.count > acknowledgedBatches.count, "some transactions were in flight when the server was killed")
        var partial: [Int] = []
        var present = 0
        for batch in sentBatches.sorted() {
            let response = try await check.get("Patient?identifier=\(Self.batchSystem)|B\(batch)&_total=accurate&_count=0")
            let total = response.json?["total"]?.numberValue?.intValue ?? -1
            if total == Self.entriesPerTransaction { present += 1 }
            if total != 0 && total != Self.entriesPerTransaction { partial.append(batch) }
            if acknowledgedBatches.contains(batch) {
                #expect(total == Self.entriesPerTransaction, "acknowledged transaction \(batch) is missing after the crash")
            }
        }
        #expect(partial.isEmpty, "transactions only partly stored: \(partial)")
        #expect(present >= acknowledgedBatches.count)
        await restarted.kill(SIGTERM)
        try? await TestCluster.shared.dropDatabase(database)
    }
}

/// A set of batch numbers shared by the writer tasks.
actor Acknowledged {
    private(set) var values = Set<Int>()
    var count: Int { values.count }
    func add(_ value: Int) { values.insert(value) }
}
