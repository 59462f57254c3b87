import FHIRModel
import KilnTesting
import NIOHTTP1
import Testing

@Suite("Response headers and formats")
struct ResponseFormatTests {
    @Test("Prefer: return=minimal gives no body; return=OperationOutcome gives an OperationOutcome")
    func prefer() async throws {
        try await TestServer.run { (server: TestServer) async throws in
            let minimal = try await server.client.post("Patient", json: Fixtures.patient(), headers: ["Prefer": "return=minimal"])
            #expect(minimal.status == 201)
            #expect(minimal.body.isEmpty)
            #expect(minimal.header("Location") != nil)
            let outcome = try await server.client.post("Patient", json: Fixtures.patient(), headers: ["Prefer": "return=OperationOutcome"])
            #expect(outcome.status == 201)
            #expect(outcome.isOperationOutcome)
        }
    }

    @Test("_pretty=true indents; _format=json is accepted; XML is 406")
    func formats() async throws {
        try await TestServer.run { (server: TestServer) async throws in
            let id = try await create(Fixtures.patient(), on: server)
            let pretty = try await server.client.get("Patient/\(id)?_pretty=true")
            #expect(pretty.text.contains("\n  \"id\""))
            let compact = try await server.client.get("Patient/\(id)?_format=json")
            #expect(compact.status == 200)
            #expect(!compact.text.contains("\n"))
            #expect(try await server.client.get("Patient/\(id)?_format=xml").status == 406)
            #expect(try await server.client.get("Patient/\(id)", headers: ["Accept": "application/fhir+xml"]).status == 406)
            #expect(try await server.client.get("Patient/\(id)", headers: ["Accept": "application/fhir+json"]).status == 200)
        }
    }

    @Test("A method not allowed on a URL is 405 with Allow")
    func methodNotAllowed() async throws {
        try await TestServer.run { (server: TestServer) async throws in
            let response = try await server.client.request(.DELETE, "metadata")
            #expect(response.status == 405)
            #expect(response.header("Allow")?.contains("GET") == true)
        }
    }
}
