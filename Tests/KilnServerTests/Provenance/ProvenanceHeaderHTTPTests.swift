import FHIRModel
import Foundation
import KilnTesting
import Testing

/// The `X-Provenance` header over HTTP: stored completed, or refused with nothing written.
@Suite("X-Provenance over HTTP")
struct ProvenanceHeaderHTTPTests {
    /// A client's Provenance: the source system's author and the document it came from.
    static let clientProvenance = """
        {"resourceType": "Provenance", "policy": ["urn:example:policy:intake"],
         "agent": [{"type": {"coding": [{"system": "http://terminology.hl7.org/CodeSystem/provenance-participant-type", "code": "author"}]},
                    "who": {"reference": "Practitioner/source-author"}}],
         "entity": [{"role": "source", "what": {"reference": "DocumentReference/intake-form"}}]}
        """.replacingOccurrences(of: "\n", with: " ")

    @Test("A create with X-Provenance stores the client's Provenance with target and recorded filled")
    func storedWithTargets() async throws {
        try await TestServer.run { (server: TestServer) async throws in
            let created = try await server.client.post("Patient", json: Fixtures.patient(), headers: ["X-Provenance": Self.clientProvenance, "X-Request-ID": "hdr-1"])
            #expect(created.status == 201, "\(created.text)")
            let id = try #require(created.resource["id"]?.stringValue)
            let provenance = try await server.onlyProvenance(targeting: "Patient/\(id)")
            #expect(provenance.targetReferences == ["Patient/\(id)/_history/1"])
            #expect(provenance["recorded"] == created.resource["meta"]?["lastUpdated"])
            #expect(provenance["policy"] == ["urn:example:policy:intake"])
            #expect(provenance["entity"]?.arrayValue?.first?["what"]?["reference"] == "DocumentReference/intake-form")
            let who = (provenance["agent"]?.arrayValue ?? []).compactMap { $0["who"] }
            #expect(who == [["reference": "Practitioner/source-author"], ["display": "anonymous"]], "the client's agent, then the caller")
            #expect(provenance.activityCode == "CREATE")
            #expect(provenance.requestIDExtension == "hdr-1")
            #expect(try await server.provenanceCount() == 1, "the client's instead of Kiln's, not beside it")
        }
    }

    @Test("X-Provenance works on update, patch and delete, and on a transaction")
    func otherWrites() async throws {
        try await TestServer.run { (server: TestServer) async throws in
            let header = ["X-Provenance": Self.clientProvenance]
            let id = try await create(Fixtures.patient(), on: server)
            #expect(try await server.client.put("Patient/\(id)", json: Fixtures.patient(family: "B", id: id), headers: header).status == 200)
            #expect(try await server.client.patch("Patient/\(id)", jsonPatch: [["op": "replace", "path": "/gender", "value": "female"]], headers: header).status == 200)
            #expect(try await server.client.delete("Patient/\(id)", headers: header).status == 204)
            let bundle = Fixtures.transaction([("urn:uuid:5a0e0d0c-1b1a-4c3d-8e2f-6a7b8c9d0e01", Fixtures.patient())])
            let transaction = try await server.client.post("", json: bundle, headers: header)
            #expect(transaction.status == 200)
            let withPolicy = try await server.provenance(targeting: "Patient/\(id)").filter { $0["policy"] == ["urn:example:policy:intake"] }
            #expect(withPolicy.map(\.targetReferences).sorted { $0.joined() < $1.joined() } == [["Patient/\(id)/_history/2"], ["Patient/\(id)/_history/3"], ["Patient/\(id)/_history/4"]])
            #expect(try await server.provenanceCount() == 5)
            let all = try await server.client.get("Provenance?_count=100").resource["entry"]?.arrayValue ?? []
            #expect(all.filter { $0["resource"]?["policy"] == ["urn:example:policy:intake"] }.count == 4)
        }
    }

    static let badHeaders: [(String, String)] = [
        ("not JSON", "{\"resourceType\": \"Provenance\""),
        ("not a Provenance", "{\"resourceType\": \"Patient\"}"),
        ("with a target", "{\"resourceType\": \"Provenance\", \"target\": [{\"reference\": \"Patient/1\"}]}"),
        ("invalid: an agent without who", "{\"resourceType\": \"Provenance\", \"agent\": [{\"role\": [{\"text\": \"x\"}]}]}"),
        ("invalid: recorded not an instant", "{\"resourceType\": \"Provenance\", \"recorded\": \"yesterday\"}"),
    ]

    @Test("A bad X-Provenance is 400 naming the header, and nothing is written", arguments: badHeaders)
    func badHeader(what: String, header: String) async throws {
        try await TestServer.run { (server: TestServer) async throws in
            let id = try await create(Fixtures.patient(), on: server)
            let before = try await server.storedCounts()
            let headers = ["X-Provenance": header]
            let attempts = [
                try await server.client.post("Patient", json: Fixtures.patient(), headers: headers),
                try await server.client.put("Patient/\(id)", json: Fixtures.patient(family: "X", id: id), headers: headers),
                try await server.client.delete("Patient/\(id)", headers: headers),
                try await server.client.post("", json: Fixtures.transaction([("urn:uuid:5a0e0d0c-1b1a-4c3d-8e2f-6a7b8c9d0e02", Fixtures.patient())]), headers: headers),
                try await server.client.post("", json: ["resourceType": "Bundle", "type": "batch", "entry": [["resource": Fixtures.patient(), "request": ["method": "POST", "url": "Patient"]]]], headers: headers),
            ]
            for response in attempts {
                #expect(response.status == 400, "\(what): \(response.status) \(response.text)")
                #expect(response.isOperationOutcome)
                #expect(response.diagnostics.contains("X-Provenance"), "\(what): \(response.diagnostics)")
            }
            #expect(try await server.storedCounts() == before, "\(what): nothing written")
            #expect(try await server.client.get("Patient/\(id)").resource["meta"]?["versionId"] == "1")
        }
    }
}
