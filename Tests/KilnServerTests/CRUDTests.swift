import FHIRModel
import Foundation
import KilnTesting
import NIOHTTP1
import Testing

@Suite("Create, read, vread, update, delete")
struct CRUDTests {
    @Test("create assigns id, versionId 1 and lastUpdated, and answers 201 with Location and ETag")
    func createAssignsIdentity() async throws {
        try await TestServer.run { (server: TestServer) async throws in
            let response = try await server.client.post("Patient", json: Fixtures.patient(id: "client-chosen"))
            #expect(response.status == 201)
            let patient = response.resource
            let id = try #require(patient["id"]?.stringValue)
            #expect(id != "client-chosen", "the server assigns the id on create")
            #expect(patient["meta"]?["versionId"] == "1")
            #expect(patient["meta"]?["lastUpdated"]?.stringValue?.hasSuffix("Z") == true)
            #expect(response.header("ETag") == "W/\"1\"")
            #expect(response.header("Location") == "\(server.baseURL)/Patient/\(id)/_history/1")
            #expect(response.header("Last-Modified")?.hasSuffix("GMT") == true)
            #expect(patient.objectValue?.keys.prefix(3) == ["resourceType", "id", "meta"])
        }
    }

    @Test("read returns the current version with its ETag; vread returns any version")
    func readAndVread() async throws {
        try await TestServer.run { (server: TestServer) async throws in
            let id = try await create(Fixtures.patient(family: "First"), on: server)
            let changed = Fixtures.patient(family: "Second", id: id)
            let update = try await server.client.put("Patient/\(id)", json: changed)
            #expect(update.status == 200)
            #expect(update.header("ETag") == "W/\"2\"")
            let read = try await server.client.get("Patient/\(id)")
            #expect(read.status == 200)
            #expect(read.header("ETag") == "W/\"2\"")
            #expect(read.resource["name"]?.arrayValue?.first?["family"] == "Second")
            let first = try await server.client.get("Patient/\(id)/_history/1")
            #expect(first.status == 200)
            #expect(first.resource["name"]?.arrayValue?.first?["family"] == "First")
            #expect(first.resource["meta"]?["versionId"] == "1")
            let missing = try await server.client.get("Patient/\(id)/_history/9")
            #expect(missing.status == 404)
        }
    }

    @Test("read of an unknown id is 404; of a malformed id is 400")
    func readUnknown() async throws {
        try await TestServer.run { (server: TestServer) async throws in
            let unknown = try await server.client.get("Patient/does-not-exist")
            #expect(unknown.status == 404)
            #expect(unknown.isOperationOutcome)
            let malformed = try await server.client.get("Patient/bad_id!")
            #expect(malformed.status == 400)
        }
    }

    @Test("update with a new client id creates the resource (201)")
    func createOnUpdate() async throws {
        try await TestServer.run { (server: TestServer) async throws in
            let response = try await server.client.put("Patient/mrn-123", json: Fixtures.patient(id: "mrn-123"))
            #expect(response.status == 201)
            #expect(response.header("ETag") == "W/\"1\"")
            let read = try await server.client.get("Patient/mrn-123")
            #expect(read.status == 200)
        }
    }

    @Test("delete writes a tombstone: read is 410, history keeps every version, delete is idempotent")
    func deleteTombstone() async throws {
        try await TestServer.run { (server: TestServer) async throws in
            let id = try await create(Fixtures.patient(), on: server)
            let deleted = try await server.client.delete("Patient/\(id)")
            #expect(deleted.status == 204)
            #expect(deleted.header("ETag") == "W/\"2\"")
            let read = try await server.client.get("Patient/\(id)")
            #expect(read.status == 410)
            #expect(read.isOperationOutcome)
            let version1 = try await server.client.get("Patient/\(id)/_history/1")
            #expect(version1.status == 200)
            let again = try await server.client.delete("Patient/\(id)")
            #expect(again.status == 204)
            let history = try await server.client.get("Patient/\(id)/_history")
            #expect(history.resource["entry"]?.arrayValue?.count == 2)
            let recreate = try await server.client.put("Patient/\(id)", json: Fixtures.patient(id: id))
            #expect(recreate.status == 201)
            #expect(recreate.header("ETag") == "W/\"3\"")
        }
    }

    @Test("HEAD returns the headers of GET without a body")
    func head() async throws {
        try await TestServer.run { (server: TestServer) async throws in
            let id = try await create(Fixtures.patient(), on: server)
            let response = try await server.client.request(.HEAD, "Patient/\(id)")
            #expect(response.status == 200)
            #expect(response.header("ETag") == "W/\"1\"")
            #expect(response.body.isEmpty)
        }
    }

    @Test("If-None-Match with the current version answers 304")
    func conditionalRead() async throws {
        try await TestServer.run { (server: TestServer) async throws in
            let id = try await create(Fixtures.patient(), on: server)
            let response = try await server.client.get("Patient/\(id)", headers: ["If-None-Match": "W/\"1\""])
            #expect(response.status == 304)
        }
    }

    @Test("Every resource type the definitions know is served, e.g. Consent and Provenance")
    func otherTypes() async throws {
        try await TestServer.run { (server: TestServer) async throws in
            let patient = try await create(Fixtures.patient(), on: server)
            let consent: JSONValue = [
                "resourceType": "Consent",
                "status": "active",
                "scope": ["coding": [["system": "http://terminology.hl7.org/CodeSystem/consentscope", "code": "research"]]],
                "category": [["coding": [["system": "http://loinc.org", "code": "59284-0"]]]],
                "patient": ["reference": .string("Patient/\(patient)")],
                "policyRule": ["coding": [["system": "http://terminology.hl7.org/CodeSystem/v3-ActCode", "code": "OPTOUT"]]],
            ]
            let consentID = try await create(consent, on: server)
            let provenance: JSONValue = [
                "resourceType": "Provenance",
                "target": [["reference": .string("Consent/\(consentID)")]],
                "recorded": "2024-05-01T08:30:00Z",
                "agent": [["who": ["display": "Registration desk"]]],
            ]
            _ = try await create(provenance, on: server)
            let report: JSONValue = [
                "resourceType": "DiagnosticReport",
                "status": "final",
                "code": ["coding": [["system": "http://loinc.org", "code": "24323-8"]]],
                "subject": ["reference": .string("Patient/\(patient)")],
            ]
            _ = try await create(report, on: server)
        }
    }
}
