import FHIRModel
import KilnTesting
import NIOHTTP1
import Testing

@Suite("Versioned updates with If-Match")
struct VersionedUpdateTests {
    @Test("If-Match with the current version succeeds; a stale version gets 412")
    func ifMatch() async throws {
        try await TestServer.run { (server: TestServer) async throws in
            let id = try await create(Fixtures.patient(), on: server)
            let ok = try await server.client.put("Patient/\(id)", json: Fixtures.patient(family: "B", id: id), headers: ["If-Match": "W/\"1\""])
            #expect(ok.status == 200)
            let stale = try await server.client.put("Patient/\(id)", json: Fixtures.patient(family: "C", id: id), headers: ["If-Match": "W/\"1\""])
            #expect(stale.status == 412)
            #expect(stale.isOperationOutcome)
            let malformed = try await server.client.put("Patient/\(id)", json: Fixtures.patient(id: id), headers: ["If-Match": "yesterday"])
            #expect(malformed.status == 400)
            let read = try await server.client.get("Patient/\(id)")
            #expect(read.resource["name"]?.arrayValue?.first?["family"] == "B")
        }
    }

    @Test("Of N concurrent updates with the same If-Match, exactly one wins")
    func concurrentUpdates() async throws {
        try await TestServer.run { (server: TestServer) async throws in
            let id = try await create(Fixtures.patient(), on: server)
            let writers = 12
            let statuses = try await withThrowingTaskGroup(of: Int.self) { group in
                for writer in 0..<writers {
                    group.addTask {
                        try await server.client.put("Patient/\(id)", json: Fixtures.patient(family: "W\(writer)", id: id), headers: ["If-Match": "W/\"1\""]).status
                    }
                }
                return try await group.reduce(into: []) { $0.append($1) }
            }
            #expect(statuses.filter { $0 == 200 }.count == 1)
            #expect(statuses.filter { $0 == 412 }.count == writers - 1)
            let read = try await server.client.get("Patient/\(id)")
            #expect(read.header("ETag") == "W/\"2\"")
        }
    }

    @Test("Concurrent updates without If-Match each get their own version")
    func concurrentUnconditionalUpdates() async throws {
        try await TestServer.run { (server: TestServer) async throws in
            let id = try await create(Fixtures.patient(), on: server)
            let statuses = try await withThrowingTaskGroup(of: Int.self) { group in
                for writer in 0..<10 {
                    group.addTask { try await server.client.put("Patient/\(id)", json: Fixtures.patient(family: "W\(writer)", id: id)).status }
                }
                return try await group.reduce(into: []) { $0.append($1) }
            }
            #expect(statuses.allSatisfy { $0 == 200 })
            let read = try await server.client.get("Patient/\(id)")
            #expect(read.header("ETag") == "W/\"11\"")
        }
    }
}
