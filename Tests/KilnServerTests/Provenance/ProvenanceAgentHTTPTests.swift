import FHIRModel
import FHIRStore
import Foundation
import KilnTesting
import SMARTAuth
import Testing

/// Who a Provenance names, and who may read it, with authorization on.
@Suite("Provenance agents and readers")
struct ProvenanceAgentHTTPTests {
    /// A token for a user, minted with the server's own key.
    static func userToken(_ auth: AuthTestServer, subject: String, role: Role, fhirUser: String, scopes: String, patient: String? = nil,
                          organization: String? = nil) async throws -> String {
        let stored = try #require(try await auth.store.currentSigningKey())
        let base = auth.server.baseURL
        let issuer = TokenIssuer(issuer: base, audience: base, key: try ServerSigningKey(pemRepresentation: stored.privateKeyPEM))
        return try await issuer.issueAccessToken(subject: subject, clientID: "prov-app", scopes: try ScopeSet(parsing: scopes), patient: patient,
                                                 fhirUser: fhirUser, role: role, organization: organization).token
    }

    static func bearer(_ token: String) -> [String: String] { ["Authorization": "Bearer \(token)"] }

    /// The Provenance resources targeting `reference` that `token` may see.
    static func provenance(_ auth: AuthTestServer, targeting reference: String, token: String) async throws -> [JSONValue] {
        let response = try await auth.client.get("Provenance?target=\(reference)", headers: bearer(token))
        try #require(response.status == 200, "\(response.status) \(response.text)")
        return (response.resource["entry"]?.arrayValue ?? []).compactMap { $0["resource"] }
    }

    @Test("A backend client is a Device performer, a user with a fhirUser the author on behalf of their Organization; a patient reads their own Provenance only")
    func agentsAndReaders() async throws {
        try await AuthTestServer.run { auth in
            try await auth.store.addUser(UserRecord(username: "prov-clinician", passwordHash: "h", role: "clinician", fhirUser: "Practitioner/gp", patients: ["p1"]))
            try await auth.store.addUser(UserRecord(username: "prov-patient", passwordHash: "h", role: "patient", fhirUser: "Patient/p1"))
            let seed = try await auth.backendToken(clientID: "prov-seed", scope: "system/*.cruds").token
            for id in ["p1", "p2"] {
                let put = try await auth.client.put("Patient/\(id)", json: Fixtures.patient(id: id), headers: Self.bearer(seed))
                try #require(put.status == 201, "\(put.text)")
            }
            let clinician = try await Self.userToken(auth, subject: "prov-clinician", role: .clinician, fhirUser: "Practitioner/gp",
                                                     scopes: "user/*.cruds", organization: "Organization/st-elsewhere")
            let update = try await auth.client.put("Patient/p1", json: Fixtures.patient(family: "Updated", id: "p1"), headers: Self.bearer(clinician))
            try #require(update.status == 200, "\(update.text)")

            let all = try await Self.provenance(auth, targeting: "Patient/p1", token: seed)
            let backendAgent = try #require(all.first { $0.targetReferences == ["Patient/p1/_history/1"] }?["agent"]?.arrayValue?.first)
            #expect(backendAgent["who"] == ["type": "Device", "identifier": ["system": "urn:kiln:client-id", "value": "prov-seed"]])
            #expect(backendAgent["type"]?["coding"]?.arrayValue?.first?["code"] == "performer")
            let userProvenance = try #require(all.first { $0.targetReferences == ["Patient/p1/_history/2"] })
            let userAgent = try #require(userProvenance["agent"]?.arrayValue?.first)
            #expect(userAgent["who"] == ["reference": "Practitioner/gp"])
            #expect(userAgent["type"]?["coding"]?.arrayValue?.first?["code"] == "author")
            #expect(userAgent["onBehalfOf"] == ["reference": "Organization/st-elsewhere"])
            #expect(userProvenance["reason"]?.arrayValue?.first?["coding"]?.arrayValue?.first?["code"] == "TREAT")

            // A Provenance targeting a Patient is in that patient's compartment (R4: Provenance.patient).
            let patient = try await Self.userToken(auth, subject: "prov-patient", role: .patient, fhirUser: "Patient/p1", scopes: "patient/*.rs", patient: "p1")
            #expect(try await Self.provenance(auth, targeting: "Patient/p1", token: patient).count == 2)
            #expect(try await Self.provenance(auth, targeting: "Patient/p2", token: patient).isEmpty, "another patient's Provenance stays hidden")
            let everything = try await auth.client.get("Provenance", headers: Self.bearer(patient))
            #expect((everything.resource["entry"]?.arrayValue ?? []).count == 2)
            #expect(!everything.text.contains("Patient/p2"))
            #expect(try await Self.provenance(auth, targeting: "Patient/p1", token: clinician).count == 2, "the clinician sees their assigned patient's")
        }
    }
}
