import FHIRModel
import Foundation
import KilnTesting
import Testing

/// Every write leaves one Provenance in its transaction, over HTTP against PostgreSQL.
@Suite("Provenance of every write")
struct ProvenanceHTTPTests {
    static let requestID = ["X-Request-ID": "prov-test-1"]

    @Test("A create leaves one Provenance of version 1: CREATE, recorded, the request id")
    func createIsRecorded() async throws {
        try await TestServer.run { (server: TestServer) async throws in
            let created = try await server.client.post("Patient", json: Fixtures.patient(), headers: Self.requestID)
            let id = try #require(created.resource["id"]?.stringValue)
            let provenance = try await server.onlyProvenance(targeting: "Patient/\(id)")
            #expect(provenance.targetReferences == ["Patient/\(id)/_history/1"])
            #expect(provenance.activityCode == "CREATE")
            #expect(provenance.requestIDExtension == "prov-test-1")
            #expect(provenance["recorded"] == created.resource["meta"]?["lastUpdated"], "recorded is the time of the write")
            #expect(provenance["agent"]?.arrayValue?.first?["who"] == ["display": "anonymous"])
            #expect(provenance["meta"]?["versionId"] == "1")
            #expect(try await server.provenanceCount() == 1)
        }
    }

    @Test("An update (PUT) targets the new version, UPDATE; a PUT that creates is a CREATE")
    func update() async throws {
        try await TestServer.run { (server: TestServer) async throws in
            let put = try await server.client.put("Patient/chosen-id", json: Fixtures.patient(id: "chosen-id"))
            #expect(put.status == 201)
            let updated = try await server.client.put("Patient/chosen-id", json: Fixtures.patient(family: "Changed", id: "chosen-id"))
            #expect(updated.status == 200)
            let found = try await server.provenance(targeting: "Patient/chosen-id")
            let byTarget = Dictionary(uniqueKeysWithValues: found.map { ($0.targetReferences.joined(), $0.activityCode) })
            #expect(byTarget == ["Patient/chosen-id/_history/1": "CREATE", "Patient/chosen-id/_history/2": "UPDATE"])
        }
    }

    @Test("A conditional update targets the version it wrote")
    func conditionalUpdate() async throws {
        try await TestServer.run { (server: TestServer) async throws in
            let id = try await create(Fixtures.patient(mrn: "M-1"), on: server)
            let response = try await server.client.put("Patient?identifier=\(Fixtures.mrnSystem)|M-1", json: Fixtures.patient(family: "Again", mrn: "M-1"))
            #expect(response.status == 200)
            let found = try await server.provenance(targeting: "Patient/\(id)")
            #expect(found.map(\.targetReferences).sorted { $0.joined() < $1.joined() } == [["Patient/\(id)/_history/1"], ["Patient/\(id)/_history/2"]])
        }
    }

    @Test("A PATCH targets the patched version, UPDATE")
    func patch() async throws {
        try await TestServer.run { (server: TestServer) async throws in
            let id = try await create(Fixtures.patient(), on: server)
            let patched = try await server.client.patch("Patient/\(id)", jsonPatch: [["op": "replace", "path": "/gender", "value": "female"]])
            #expect(patched.status == 200)
            let found = try await server.provenance(targeting: "Patient/\(id)")
            let patch = found.first { $0.targetReferences == ["Patient/\(id)/_history/2"] }
            #expect(patch?.activityCode == "UPDATE")
            #expect(found.count == 2)
        }
    }

    @Test("A DELETE targets the tombstone, DELETE; deleting what is gone writes none")
    func delete() async throws {
        try await TestServer.run { (server: TestServer) async throws in
            let id = try await create(Fixtures.observation(subject: "Patient/x"), on: server)
            #expect(try await server.client.delete("Observation/\(id)").status == 204)
            #expect(try await server.client.delete("Observation/\(id)").status == 204)
            #expect(try await server.client.delete("Observation/never-was").status == 204)
            let found = try await server.provenance(targeting: "Observation/\(id)")
            #expect(found.map(\.activityCode).sorted { ($0 ?? "") < ($1 ?? "") } == ["CREATE", "DELETE"])
            #expect(found.first { $0.activityCode == "DELETE" }?.targetReferences == ["Observation/\(id)/_history/2"])
            #expect(try await server.provenanceCount() == 2, "the second delete and the delete of nothing wrote none")
        }
    }

    @Test("A conditional create that matches writes nothing, so no Provenance")
    func conditionalCreateMatching() async throws {
        try await TestServer.run { (server: TestServer) async throws in
            _ = try await create(Fixtures.patient(mrn: "M-2"), on: server)
            let matched = try await server.client.post("Patient", json: Fixtures.patient(mrn: "M-2"), headers: ["If-None-Exist": "identifier=\(Fixtures.mrnSystem)|M-2"])
            #expect(matched.status == 200)
            #expect(try await server.provenanceCount() == 1)
        }
    }

    @Test("Writing a Provenance writes no Provenance about it")
    func provenanceOfProvenance() async throws {
        try await TestServer.run { (server: TestServer) async throws in
            let id = try await create(Fixtures.patient(), on: server)
            let own: JSONValue = [
                "resourceType": "Provenance", "target": [["reference": .string("Patient/\(id)")]], "recorded": "2024-05-01T12:00:00Z",
                "agent": [["who": ["reference": "Practitioner/somebody"]]],
            ]
            let posted = try await server.client.post("Provenance", json: own)
            #expect(posted.status == 201, "\(posted.text)")
            #expect(try await server.provenanceCount() == 2, "Kiln's of the Patient and the client's; none of the client's")
        }
    }

    @Test("A transaction leaves one Provenance targeting every version its entries wrote")
    func transaction() async throws {
        try await TestServer.run { (server: TestServer) async throws in
            let existing = try await create(Fixtures.patient(family: "Existing"), on: server)
            let doomed = try await create(Fixtures.observation(subject: "Patient/\(existing)"), on: server)
            let bundle: JSONValue = [
                "resourceType": "Bundle", "type": "transaction",
                "entry": [
                    ["fullUrl": "urn:uuid:8d1b1bd5-7c1e-4a64-9a58-7a0c7d0c0d01", "resource": Fixtures.patient(family: "New"), "request": ["method": "POST", "url": "Patient"]],
                    ["resource": Fixtures.observation(subject: "urn:uuid:8d1b1bd5-7c1e-4a64-9a58-7a0c7d0c0d01"), "request": ["method": "POST", "url": "Observation"]],
                    ["resource": Fixtures.patient(family: "Updated", id: existing), "request": ["method": "PUT", "url": .string("Patient/\(existing)")]],
                    ["request": ["method": "DELETE", "url": .string("Observation/\(doomed)")]],
                    ["request": ["method": "GET", "url": .string("Patient/\(existing)")]],
                ],
            ]
            let before = try await server.provenanceCount()
            let response = try await server.client.post("", json: bundle, headers: Self.requestID)
            #expect(response.status == 200, "\(response.text)")
            #expect(try await server.provenanceCount() == before + 1)
            let ofDoomed = try await server.provenance(targeting: "Observation/\(doomed)")
            let provenance = try #require(ofDoomed.first { $0.requestIDExtension == "prov-test-1" }, "the transaction's Provenance")
            let locations = (response.resource["entry"]?.arrayValue ?? []).compactMap { $0["response"]?["location"]?.stringValue }
            let written = locations.prefix(3).map { String($0.dropFirst(server.baseURL.count + 1)) }
            #expect(provenance.targetReferences == written + ["Observation/\(doomed)/_history/2"], "in entry order: the creates, the update, then the delete")
            #expect(provenance.activityCode == nil, "a transaction that creates, updates and deletes has no one activity")
            #expect(provenance.requestIDExtension == "prov-test-1")
        }
    }

    @Test("A transaction of creates only is a CREATE")
    func transactionOfCreates() async throws {
        try await TestServer.run { (server: TestServer) async throws in
            let bundle = Fixtures.transaction([
                ("urn:uuid:0b1f5f4e-2d0c-4c57-9d6f-0e2f5f4e2d01", Fixtures.patient()),
                ("urn:uuid:0b1f5f4e-2d0c-4c57-9d6f-0e2f5f4e2d02", Fixtures.observation(subject: "urn:uuid:0b1f5f4e-2d0c-4c57-9d6f-0e2f5f4e2d01")),
            ])
            let response = try await server.client.post("", json: bundle)
            #expect(response.status == 200)
            let location = try #require(response.resource["entry"]?.arrayValue?.first?["response"]?["location"]?.stringValue)
            let reference = location.dropFirst(server.baseURL.count + 1).split(separator: "/").prefix(2).joined(separator: "/")
            let provenance = try await server.onlyProvenance(targeting: reference)
            #expect(provenance.targetReferences.count == 2)
            #expect(provenance.activityCode == "CREATE")
            #expect(try await server.provenanceCount() == 1)
        }
    }

    @Test("A batch leaves one Provenance per write entry that succeeded, each in its entry's transaction")
    func batch() async throws {
        try await TestServer.run { (server: TestServer) async throws in
            let id = try await create(Fixtures.patient(), on: server)
            let bundle: JSONValue = [
                "resourceType": "Bundle", "type": "batch",
                "entry": [
                    ["resource": Fixtures.observation(subject: "Patient/\(id)"), "request": ["method": "POST", "url": "Observation"]],
                    ["resource": Fixtures.patient(family: "Batch", id: id), "request": ["method": "PUT", "url": .string("Patient/\(id)")]],
                    ["resource": Fixtures.patient(birthDate: "not-a-date"), "request": ["method": "POST", "url": "Patient"]],
                    ["request": ["method": "GET", "url": .string("Patient/\(id)")]],
                ],
            ]
            let response = try await server.client.post("", json: bundle, headers: Self.requestID)
            #expect(response.status == 200)
            let statuses = (response.resource["entry"]?.arrayValue ?? []).compactMap { $0["response"]?["status"]?.stringValue }
            #expect(statuses.map { $0.prefix(3) } == ["201", "200", "422", "200"])
            #expect(try await server.provenanceCount() == 3, "the create before the batch, and its two writes; none for the rejected entry or the read")
            let update = try await server.provenance(targeting: "Patient/\(id)").first { $0.targetReferences == ["Patient/\(id)/_history/2"] }
            #expect(update?.requestIDExtension == "prov-test-1")
        }
    }

    @Test("A write that fails leaves no Provenance: 422 invalid, 412 stale If-Match, a failed transaction")
    func failedWrites() async throws {
        try await TestServer.run { (server: TestServer) async throws in
            let id = try await create(Fixtures.patient(), on: server)
            let invalid = try await server.client.post("Patient", json: Fixtures.patient(birthDate: "1974-13-45"))
            #expect(invalid.status == 422)
            let stale = try await server.client.put("Patient/\(id)", json: Fixtures.patient(id: id), headers: ["If-Match": "W/\"7\""])
            #expect(stale.status == 412)
            let bundle: JSONValue = [
                "resourceType": "Bundle", "type": "transaction",
                "entry": [
                    ["resource": Fixtures.patient(family: "Rolled back"), "request": ["method": "POST", "url": "Patient"]],
                    ["request": ["method": "DELETE", "url": .string("Patient/\(id)"), "ifMatch": "W/\"9\""]],
                ],
            ]
            #expect(try await server.client.post("", json: bundle).status == 412)
            #expect(try await server.storedCounts() == ["Patient": 1, "Provenance": 1], "only the first create and its Provenance")
        }
    }
}
