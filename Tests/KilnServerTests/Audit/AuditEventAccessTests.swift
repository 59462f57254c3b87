import FHIRAudit
import FHIRModel
import FHIRStore
import Foundation
import KilnServer
import KilnTesting
import Logging
import NIOHTTP1
import SMARTAuth
import Testing

/// Reading the audit log as `AuditEvent`: who may, what a patient's accounting shows, and that
/// the log cannot be written through the API.
@Suite("AuditEvent access")
struct AuditEventAccessTests {
    struct Tokens {
        let seed: String
        let clinician: String
        let administrator: String
        let steward: String
        let patient: String
    }

    static func tokens(_ auth: AuthTestServer) async throws -> Tokens {
        let stored = try #require(try await auth.store.currentSigningKey())
        let base = auth.server.baseURL
        let issuer = TokenIssuer(issuer: base, audience: base, key: try ServerSigningKey(pemRepresentation: stored.privateKeyPEM))
        try await auth.store.addUser(UserRecord(username: "audit-clinician", passwordHash: "h", role: "clinician", fhirUser: "Practitioner/gp", patients: ["p1", "p2"]))
        try await auth.store.addUser(UserRecord(username: "audit-patient", passwordHash: "h", role: "patient", fhirUser: "Patient/p1"))
        func token(_ subject: String, _ scopes: String, role: Role?, fhirUser: String? = nil, patient: String? = nil) async throws -> String {
            try await issuer.issueAccessToken(subject: subject, clientID: "audit-app", scopes: try ScopeSet(parsing: scopes), patient: patient, fhirUser: fhirUser, role: role).token
        }
        return Tokens(
            seed: try await auth.backendToken(clientID: "audit-seed", scope: "system/*.cruds").token,
            clinician: try await token("audit-clinician", "user/*.cruds", role: .clinician, fhirUser: "Practitioner/gp"),
            administrator: try await token("audit-admin", "user/*.cruds", role: .administrator),
            steward: try await token("audit-steward", "user/*.rs", role: .dataSteward),
            patient: try await token("audit-patient", "patient/*.rs", role: .patient, fhirUser: "Patient/p1", patient: "p1")
        )
    }

    static func seed(_ auth: AuthTestServer, token: String) async throws {
        for id in ["p1", "p2"] {
            let patient: JSONValue = ["resourceType": "Patient", "id": .string(id), "name": [["family": .string("Audit-\(id)")]]]
            try #require(try await auth.client.put("Patient/\(id)", json: patient, headers: ["Authorization": "Bearer \(token)"]).status == 201)
        }
    }

    @Test("Administrators and stewards search every record; a patient sees only their own, reduced; clinicians are refused")
    func whoMayRead() async throws {
        try await AuthTestServer.run { auth in
            let tokens = try await Self.tokens(auth)
            try await Self.seed(auth, token: tokens.seed)
            #expect(try await auth.get("Patient/p1", token: tokens.clinician).status == 200)
            #expect(try await auth.get("Patient/p2", token: tokens.clinician).status == 200)

            let aboutP1 = try await auth.get("AuditEvent?patient=p1&subtype=read", token: tokens.administrator)
            #expect(aboutP1.status == 200)
            let entries = aboutP1.json?["entry"]?.arrayValue ?? []
            #expect(entries.count == 1, "\(aboutP1.text)")
            let event = entries.first?["resource"]
            #expect(event?["resourceType"]?.stringValue == "AuditEvent")
            // Exactly as stored: a read by id returns the record's bytes.
            let id = try #require(event?["id"]?.stringValue)
            let single = try await auth.get("AuditEvent/\(id)", token: tokens.steward)
            #expect(single.status == 200)
            #expect(single.json == event)

            let page = try await auth.get("AuditEvent?_sort=-date&_count=2", token: tokens.steward)
            #expect(page.json?["entry"]?.arrayValue?.count == 2)
            let next = page.json?["link"]?.arrayValue?.first { $0["relation"]?.stringValue == "next" }?["url"]?.stringValue
            #expect(next != nil)
            if let next {
                let second = try await auth.client.get(next, headers: ["Authorization": "Bearer \(tokens.steward)"])
                #expect(second.status == 200)
                let firstIDs = Set(page.json?["entry"]?.arrayValue?.compactMap { $0["resource"]?["id"]?.stringValue } ?? [])
                let secondIDs = Set(second.json?["entry"]?.arrayValue?.compactMap { $0["resource"]?["id"]?.stringValue } ?? [])
                #expect(firstIDs.isDisjoint(with: secondIDs))
            }

            let own = try await auth.get("AuditEvent", token: tokens.patient)
            #expect(own.status == 200)
            let ownEntries = own.json?["entry"]?.arrayValue ?? []
            #expect(!ownEntries.isEmpty)
            #expect(!own.text.contains("Patient/p2"))
            #expect(try await auth.get("AuditEvent?patient=p2", token: tokens.patient).status == 403)
            #expect(try await auth.get("AuditEvent", token: tokens.clinician).status == 403)
        }
    }

    @Test("Nobody creates, changes or deletes an AuditEvent through the API")
    func logIsNotWritable() async throws {
        try await AuthTestServer.run { auth in
            let tokens = try await Self.tokens(auth)
            let headers = ["Authorization": "Bearer \(tokens.administrator)"]
            let event: JSONValue = ["resourceType": "AuditEvent", "id": "x"]
            #expect(try await auth.client.post("AuditEvent", json: event, headers: headers).status == 405)
            #expect(try await auth.client.put("AuditEvent/x", json: event, headers: headers).status == 405)
            #expect(try await auth.client.delete("AuditEvent/x", headers: headers).status == 405)
            #expect(try await auth.client.patch("AuditEvent/x", jsonPatch: [], headers: headers).status == 405)
            // Nor as a Bundle entry.
            let batch: JSONValue = ["resourceType": "Bundle", "type": "batch", "entry": [
                ["resource": event, "request": ["method": "PUT", "url": "AuditEvent/x"]],
            ]]
            let answered = try await auth.client.post("", json: batch, headers: headers)
            #expect(answered.status == 200)
            let status = answered.json?["entry"]?.arrayValue?.first?["response"]?["status"]?.stringValue ?? ""
            #expect(status.hasPrefix("405") || status.hasPrefix("422"), "\(answered.text)")
            #expect(try await auth.get("AuditEvent/x", token: tokens.administrator).status == 404)
        }
    }

    @Test("$proof gives an administrator a record's inclusion proof against the latest checkpoint, which verifies; before one covers it, 409")
    func proof() async throws {
        try await AuthTestServer.run { auth in
            let tokens = try await Self.tokens(auth)
            try await Self.seed(auth, token: tokens.seed)
            let page = try await auth.get("AuditEvent?subtype=update&_count=1", token: tokens.administrator)
            let id = try #require(page.json?["entry"]?.arrayValue?.first?["resource"]?["id"]?.stringValue)
            #expect(try await auth.get("AuditEvent/\(id)/$proof", token: tokens.administrator).status == 409)
            let log = AuditLogStore(client: auth.store.client, logger: Logger(label: "test"))
            var checkpointer = AuditCheckpointer(log: log, keys: AuditKeyStore(client: auth.store.client, logger: Logger(label: "test")),
                                                 configuration: try AuditConfiguration(), logger: Logger(label: "test"))
            let checkpoint = try #require(try await checkpointer.checkpointNow())
            let proof = try await auth.get("AuditEvent/\(id)/$proof", token: tokens.administrator)
            #expect(proof.status == 200, "\(proof.text)")
            #expect(proof.json?["resourceType"]?.stringValue == "Parameters")
            let parts = proof.json?["parameter"]?.arrayValue ?? []
            #expect(parts.contains { $0["name"]?.stringValue == "treeSize" })
            #expect(proof.text.contains(checkpoint.root.hex))
            #expect(try await auth.get("AuditEvent/\(id)/$proof", token: tokens.steward).status == 403)
        }
    }
}
