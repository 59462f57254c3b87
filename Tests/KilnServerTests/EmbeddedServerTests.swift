import FHIRModel
import Foundation
import KilnTesting
import Testing

/// The command-line contract over the embedded cluster: `kiln serve --data-dir` starts it, a
/// second node attaches to it, other commands use it while it runs, and it is reused later.
@Suite("Embedded cluster and several nodes")
struct EmbeddedServerTests {
    @Test("Two kiln serve on one data dir share the database; the owner stops the cluster; a restart reuses it")
    func twoNodesOneDataDirectory() async throws {
        let directory = TestCluster.shared.dataDirectory + "/nodes-\(UInt32.random(in: 0...UInt32.max))"
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o755])
        let nodeOne = try await KilnProcess.start(arguments: ["--data-dir", directory])
        let nodeTwo = try await KilnProcess.start(arguments: ["--data-dir", directory])
        let created = try await KilnClient(baseURL: nodeOne.baseURL).post("Patient", json: Fixtures.patient(mrn: "NODE-1"))
        #expect(created.status == 201)
        let id = try #require(created.json?["id"]?.stringValue)
        #expect(try await KilnClient(baseURL: nodeTwo.baseURL).get("Patient/\(id)").status == 200)

        let migrate = try await KilnProcess.run(["migrate", "--data-dir", directory])
        #expect(migrate.status == 0)
        #expect(migrate.output.contains("up to date"))

        await nodeTwo.kill(SIGTERM)
        #expect(try await KilnClient(baseURL: nodeOne.baseURL).get("Patient/\(id)").status == 200, "the owner keeps serving")
        await nodeOne.kill(SIGTERM)
        let status = try await KilnProcess.run(["database", "status", "--data-dir", directory])
        #expect(status.status != 0, "the owner stopped the cluster on SIGTERM: \(status.output)")

        let restarted = try await KilnProcess.start(arguments: ["--data-dir", directory])
        #expect(try await KilnClient(baseURL: restarted.baseURL).get("Patient/\(id)").status == 200, "the data survived the restart")
        await restarted.kill(SIGTERM)
        _ = try? await KilnProcess.run(["database", "stop", "--data-dir", directory])
    }
}
