import FHIRModel
import KilnTesting
import NIOHTTP1
import Testing

@Suite("JSON Patch")
struct PatchTests {
    @Test("PATCH applies a JSON Patch and writes a new version")
    func patch() async throws {
        try await TestServer.run { (server: TestServer) async throws in
            let id = try await create(Fixtures.patient(), on: server)
            let patch: JSONValue = [
                ["op": "test", "path": "/gender", "value": "male"],
                ["op": "replace", "path": "/gender", "value": "female"],
                ["op": "add", "path": "/name/0/given/-", "value": "Jim"],
            ]
            let response = try await server.client.patch("Patient/\(id)", jsonPatch: patch, headers: ["If-Match": "W/\"1\""])
            #expect(response.status == 200)
            #expect(response.header("ETag") == "W/\"2\"")
            #expect(response.resource["gender"] == "female")
            #expect(response.resource["name"]?.arrayValue?.first?["given"] == ["Peter", "Jim"])
            #expect(response.resource["meta"]?["versionId"] == "2")
        }
    }

    @Test("A failed test operation is 422 and changes nothing")
    func failedTest() async throws {
        try await TestServer.run { (server: TestServer) async throws in
            let id = try await create(Fixtures.patient(), on: server)
            let patch: JSONValue = [
                ["op": "replace", "path": "/gender", "value": "female"],
                ["op": "test", "path": "/gender", "value": "other"],
            ]
            let response = try await server.client.patch("Patient/\(id)", jsonPatch: patch)
            #expect(response.status == 422)
            #expect(response.isOperationOutcome)
            let read = try await server.client.get("Patient/\(id)")
            #expect(read.header("ETag") == "W/\"1\"")
            #expect(read.resource["gender"] == "male")
        }
    }

    @Test("A patch may not change the id; a malformed patch is 400; a wrong Content-Type is 415")
    func refusedPatches() async throws {
        try await TestServer.run { (server: TestServer) async throws in
            let id = try await create(Fixtures.patient(), on: server)
            let changeID = try await server.client.patch("Patient/\(id)", jsonPatch: [["op": "replace", "path": "/id", "value": "other"]])
            #expect(changeID.status == 422)
            let malformed = try await server.client.patch("Patient/\(id)", jsonPatch: [["op": "jump", "path": "/id"]])
            #expect(malformed.status == 400)
            let wrongType = try await server.client.request(.PATCH, "Patient/\(id)", headers: ["Content-Type": "application/fhir+json"], body: Array("[]".utf8))
            #expect(wrongType.status == 415)
            let unknown = try await server.client.patch("Patient/unknown", jsonPatch: [["op": "remove", "path": "/gender"]])
            #expect(unknown.status == 404)
        }
    }
}
