import FHIRModel
import NIOHTTP1
import Foundation
import KilnTesting
import Testing

/// Every request leaves exactly one audit record, with the request's id, outcome and patients.
@Suite("Audit of every request")
struct AuditHTTPTests {
    static let patient: JSONValue = ["resourceType": "Patient", "id": "audit-p1", "name": [["family": "Chalmers"]]]
    static let observation: JSONValue = [
        "resourceType": "Observation", "id": "audit-o1", "status": "final",
        "code": ["coding": [["system": "http://loinc.org", "code": "8867-4"]]],
        "subject": ["reference": "Patient/audit-p1"],
    ]

    @Test("Reads, searches, writes and refusals each leave one record; the request id is kept or made, and returned")
    func everyRequestIsRecorded() async throws {
        try await TestServer.run { server in
            let start = try await server.auditRows()
            #expect(start.count == 1, "the server's start is recorded")
            #expect(start.first?.subtypes == ["110120"])

            #expect(try await server.client.put("Patient/audit-p1", json: Self.patient).status == 201)
            #expect(try await server.client.put("Observation/audit-o1", json: Self.observation).status == 201)
            let read = try await server.client.get("Patient/audit-p1", headers: ["X-Request-ID": "trace-42"])
            #expect(read.status == 200)
            #expect(read.header("X-Request-ID") == "trace-42")
            let search = try await server.client.get("Observation?code=8867-4")
            #expect(search.status == 200)
            let made = try #require(search.header("X-Request-ID"))
            #expect(made.count == 36)
            #expect(try await server.client.get("Patient/unknown").status == 404)
            let bad = try await server.client.request(.POST, "Patient", body: Array("{not json".utf8))
            #expect(bad.status == 400)
            #expect(try await server.client.get("Nonsense/1").status == 404)

            let rows = try await server.auditRows()
            #expect(rows.count == 1 + 7, "one record per request: \(rows.map(\.subtypes))")
            let requests = Array(rows.dropFirst())
            #expect(requests.map { $0.subtypes.first } == ["update", "update", "read", "search-type", "read", "create", "read"])
            #expect(requests.map(\.outcome) == ["0", "0", "0", "0", "4", "4", "4"])
            #expect(requests[2].requestID == "trace-42")
            #expect(requests[3].requestID == made)
            // The patients whose data each response held (or each write touched).
            #expect(requests[0].patients == ["Patient/audit-p1"])
            #expect(requests[1].patients == ["Patient/audit-p1"])
            #expect(requests[2].patients == ["Patient/audit-p1"])
            #expect(requests[3].patients == ["Patient/audit-p1"])
            #expect(requests[4].patients.isEmpty)
            // Nothing of the data: no names, no resource bodies.
            for row in rows { #expect(!String(decoding: row.event.jsonBytes, as: UTF8.self).contains("Chalmers")) }
        }
    }

    @Test("When the audit record cannot be written, the request fails with 503 and serves nothing")
    func auditFailureWithholdsTheResponse() async throws {
        try await TestServer.run { server in
            #expect(try await server.client.put("Patient/audit-p1", json: Self.patient).status == 201)
            try await server.execute("ALTER TABLE audit_record ADD CONSTRAINT audit_test_refuses CHECK (false) NOT VALID")
            let read = try await server.client.get("Patient/audit-p1")
            #expect(read.status == 503)
            #expect(read.json?["resourceType"]?.stringValue == "OperationOutcome")
            #expect(!read.text.contains("Chalmers"))
            let write = try await server.client.put("Patient/audit-p2", json: ["resourceType": "Patient", "id": "audit-p2"])
            #expect(write.status == 503)
            try await server.execute("ALTER TABLE audit_record DROP CONSTRAINT audit_test_refuses")
            #expect(try await server.client.get("Patient/audit-p1").status == 200)
            // The write's record would have committed with it: neither is stored.
            #expect(try await server.client.get("Patient/audit-p2").status == 404)
        }
    }

    @Test("The CapabilityStatement lists AuditEvent as read and search only, with the log's parameters and $proof")
    func capabilityStatement() async throws {
        try await TestServer.run { server in
            let statement = try await server.client.get("metadata").json
            let resources = statement?["rest"]?.arrayValue?.first?["resource"]?.arrayValue ?? []
            let auditEvent = try #require(resources.first { $0["type"]?.stringValue == "AuditEvent" })
            #expect(auditEvent["interaction"]?.arrayValue?.compactMap { $0["code"]?.stringValue } == ["read", "search-type"])
            #expect(auditEvent["searchParam"]?.arrayValue?.contains { $0["name"]?.stringValue == "patient" } == true)
            #expect(auditEvent["operation"]?.arrayValue?.first?["name"]?.stringValue == "proof")
        }
    }
}
