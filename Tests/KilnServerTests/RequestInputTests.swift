import FHIRModel
import KilnServer
import KilnTesting
import NIOHTTP1
import Testing

/// Syntax errors are 400, size 413, media type 415; never a 500 and never a partial write.
@Suite("Request input checking")
struct RequestInputTests {
    func post(_ server: TestServer, _ body: [UInt8], contentType: String = "application/fhir+json", path: String = "Patient") async throws -> KilnResponse {
        try await server.client.request(.POST, path, headers: ["Content-Type": contentType], body: body)
    }

    @Test("Malformed JSON is 400 with the position of the error")
    func malformedJSON() async throws {
        try await TestServer.run { (server: TestServer) async throws in
            let response = try await post(server, Array("{\"resourceType\": \"Patient\",\n \"active\": tru}".utf8))
            #expect(response.status == 400)
            #expect(response.isOperationOutcome)
            #expect(response.diagnostics.contains("line 2"))
        }
    }

    @Test("A body that is not an object is 400")
    func notAnObject() async throws {
        try await TestServer.run { (server: TestServer) async throws in
            #expect(try await post(server, Array("[1,2]".utf8)).status == 400)
            #expect(try await post(server, Array("\"Patient\"".utf8)).status == 400)
        }
    }

    @Test("Duplicate keys are 400")
    func duplicateKeys() async throws {
        try await TestServer.run { (server: TestServer) async throws in
            let response = try await post(server, Array(#"{"resourceType":"Patient","gender":"male","gender":"female"}"#.utf8))
            #expect(response.status == 400)
            #expect(response.diagnostics.contains("gender"))
        }
    }

    @Test("Invalid UTF-8 is 400")
    func invalidUTF8() async throws {
        try await TestServer.run { (server: TestServer) async throws in
            var body = Array(#"{"resourceType":"Patient","name":[{"family":"X"#.utf8)
            body += [0xC3, 0x28]
            body += Array(#""}]}"#.utf8)
            #expect(try await post(server, body).status == 400)
        }
    }

    @Test("Nesting deeper than the limit is 400")
    func tooDeep() async throws {
        try await TestServer.run { (server: TestServer) async throws in
            let depth = ServerLimits.default.maximumJSONDepth + 1
            let body = #"{"resourceType":"Patient","extension":"# + String(repeating: "[", count: depth) + String(repeating: "]", count: depth) + "}"
            let response = try await post(server, Array(body.utf8))
            #expect(response.status == 400)
            #expect(response.diagnostics.contains("deeper"))
        }
    }

    @Test("A missing or mismatched resourceType is 400")
    func resourceType() async throws {
        try await TestServer.run { (server: TestServer) async throws in
            #expect(try await post(server, Array(#"{"active":true}"#.utf8)).status == 400)
            #expect(try await server.client.post("Patient", json: Fixtures.observation(subject: "Patient/1")).status == 400)
        }
    }

    @Test("An update whose body id is missing or differs from the URL is 400")
    func updateID() async throws {
        try await TestServer.run { (server: TestServer) async throws in
            #expect(try await server.client.put("Patient/abc", json: Fixtures.patient()).status == 400)
            #expect(try await server.client.put("Patient/abc", json: Fixtures.patient(id: "xyz")).status == 400)
            #expect(try await server.client.get("Patient/abc").status == 404, "nothing was written")
        }
    }

    @Test("A wrong or missing Content-Type is 415")
    func contentType() async throws {
        try await TestServer.run { (server: TestServer) async throws in
            let body = Fixtures.patient().jsonBytes
            #expect(try await post(server, body, contentType: "application/xml").status == 415)
            #expect(try await post(server, body, contentType: "text/plain").status == 415)
            #expect(try await post(server, body, contentType: "application/fhir+json; charset=utf-8").status == 201)
            #expect(try await post(server, body, contentType: "application/json").status == 201)
        }
    }

    @Test("A body over the size limit is 413")
    func tooLarge() async throws {
        try await TestServer.run(limits: ServerLimits(maximumBodySize: 4096)) { (server: TestServer) async throws in
            let text = String(repeating: "x", count: 5000)
            let patient = Fixtures.patient(family: text)
            let response = try await server.client.post("Patient", json: patient)
            #expect(response.status == 413)
            #expect(response.isOperationOutcome)
        }
    }

    @Test("Decimals keep their exact text: 1.50 stays 1.50 and 22 digits come back digit for digit")
    func exactDecimals() async throws {
        try await TestServer.run { (server: TestServer) async throws in
            let id = try await create(Fixtures.observation(subject: "Patient/p1", value: "1.50"), on: server)
            let read = try await server.client.get("Observation/\(id)")
            #expect(read.text.contains("\"value\":1.50"))
            let long = try await create(Fixtures.observation(subject: "Patient/p1", value: "1234567890.123456789012"), on: server)
            let readLong = try await server.client.get("Observation/\(long)")
            #expect(readLong.text.contains("\"value\":1234567890.123456789012"))
        }
    }

    @Test("Malicious bodies never produce a 500")
    func noServerErrors() async throws {
        try await TestServer.run { (server: TestServer) async throws in
            let bodies: [[UInt8]] = [
                [], [0xFF, 0xFE], Array("{".utf8), Array("null".utf8), Array(#"{"resourceType":1}"#.utf8),
                Array(#"{"resourceType":"Patient","id":5}"#.utf8), Array(#"{"resourceType":"Patient","meta":"x"}"#.utf8),
                Array(#"{"resourceType":"Patient","id":"\u0000"}"#.utf8), Array(#"{"resourceType":"Patient","x":"\ud800"}"#.utf8),
            ]
            for body in bodies {
                for (method, path) in [(HTTPMethod.POST, "Patient"), (HTTPMethod.PUT, "Patient/abc")] {
                    let response = try await server.client.request(method, path, headers: ["Content-Type": "application/fhir+json"], body: body)
                    #expect((400..<500).contains(response.status), "\(method) \(String(decoding: body, as: UTF8.self)) gave \(response.status)")
                    #expect(response.isOperationOutcome)
                }
            }
        }
    }
}
