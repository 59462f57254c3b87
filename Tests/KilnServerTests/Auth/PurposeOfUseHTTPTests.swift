import FHIRAccess
import FHIRModel
import FHIRStore
import Foundation
import KilnTesting
import NIOHTTP1
import Testing

/// Purpose of use and actors from registrations and token requests, enforced against patients'
/// Consents end to end: token endpoint, bearer token, SQL.
@Suite("Purpose of use, organizations and break-glass (HTTP)")
struct PurposeOfUseHTTPTests {
    static let optOutOfOther = """
        {"resourceType": "Consent", "id": "c-out", "status": "active",
         "scope": {"coding": [{"system": "http://terminology.hl7.org/CodeSystem/consentscope", "code": "patient-privacy"}]},
         "category": [{"coding": [{"system": "http://loinc.org", "code": "59284-0"}]}],
         "patient": {"reference": "Patient/p-out"}, "dateTime": "2026-01-01",
         "policyRule": {"coding": [{"system": "http://terminology.hl7.org/CodeSystem/v3-ActCode", "code": "OPTIN"}]},
         "provision": {"type": "deny", "actor": [{"role": {"coding": [{"system": "http://terminology.hl7.org/CodeSystem/v3-ParticipationType", "code": "IRCP"}]},
                                                  "reference": {"reference": "Organization/org-other"}}]}}
        """

    /// Registers a backend client and returns the token endpoint's answer for `purpose`.
    func token(_ auth: AuthTestServer, _ record: ClientRecord, key: BackendKey = BackendKey(), purpose: String? = nil) async throws -> KilnResponse {
        var record = record
        record.jwks = key.jwks
        if try await auth.store.client(id: record.clientID) == nil { try await auth.store.addClient(record) }
        var fields = [("grant_type", "client_credentials"), ("scope", record.scope),
                      ("client_assertion_type", "urn:ietf:params:oauth:client-assertion-type:jwt-bearer"),
                      ("client_assertion", try key.assertion(clientID: record.clientID, audience: auth.tokenURL))]
        if let purpose { fields.append(("purpose_of_use", purpose)) }
        return try await auth.postForm(auth.tokenURL, fields)
    }

    func accessToken(_ response: KilnResponse) throws -> String {
        try #require(response.status == 200, "token: \(response.status) \(response.text)")
        return try #require(response.json?["access_token"]?.stringValue)
    }

    @Test("A client acting for an Organization a Consent denies does not see that patient; break-glass sees it and is told so; a purpose not allowed is refused")
    func organizationAndBreakGlass() async throws {
        try await AuthTestServer.run { auth in
            let writer = try accessToken(try await token(auth, ClientRecord(clientID: "loader", kind: .confidentialAsymmetric, scope: "system/*.cruds")))
            for text in [#"{"resourceType": "Patient", "id": "p-out"}"#, #"{"resourceType": "Patient", "id": "p-open"}"#,
                         #"{"resourceType": "Observation", "id": "o-out", "status": "final", "code": {"text": "x"}, "subject": {"reference": "Patient/p-out"}}"#,
                         #"{"resourceType": "Observation", "id": "o-open", "status": "final", "code": {"text": "x"}, "subject": {"reference": "Patient/p-open"}}"#,
                         Self.optOutOfOther] {
                let resource = resourceJSON(text)
                let path = "\(resource["resourceType"]?.stringValue ?? "")/\(resource["id"]?.stringValue ?? "")"
                let response = try await auth.client.put(path, json: resource, headers: ["Authorization": "Bearer \(writer)"])
                try #require(response.status == 201, "PUT \(path): \(response.status) \(response.text)")
            }

            let other = ClientRecord(clientID: "lab-other", kind: .confidentialAsymmetric, scope: "system/*.rs", organization: "Organization/org-other")
            let otherKey = BackendKey()
            let otherToken = try accessToken(try await token(auth, other, key: otherKey))
            let search = try await auth.get("Observation?_total=accurate", token: otherToken)
            #expect(search.status == 200)
            #expect(Set(search.resource.matchIDs) == ["Observation/o-open"])
            #expect(search.resource.total == 1)
            #expect(try await auth.get("Patient/p-out", token: otherToken).status == 404)
            #expect(search.headers.first(name: "Warning") == nil)

            // The same data for a client of another organization.
            let home = ClientRecord(clientID: "lab-home", kind: .confidentialAsymmetric, scope: "system/*.rs", organization: "Organization/org-home")
            let homeSearch = try await auth.get("Observation", token: try accessToken(try await token(auth, home)))
            #expect(Set(homeSearch.resource.matchIDs) == ["Observation/o-open", "Observation/o-out"])

            // Break-glass: allowed for this client, overriding the denial, and saying so.
            let emergency = ClientRecord(clientID: "er-other", kind: .confidentialAsymmetric, scope: "system/*.rs", allowedPurposes: ["ETREAT"], organization: "Organization/org-other")
            let glassResponse = try await token(auth, emergency, purpose: "ETREAT")
            #expect(glassResponse.json?["purpose_of_use"]?.stringValue == "ETREAT")
            let glass = try accessToken(glassResponse)
            let overridden = try await auth.get("Observation", token: glass)
            #expect(Set(overridden.resource.matchIDs) == ["Observation/o-open", "Observation/o-out"])
            #expect(overridden.headers.first(name: "Warning")?.contains("Consent overridden") == true)
            #expect(overridden.resource.entries.contains { $0["search"]?["mode"]?.stringValue == "outcome" && $0.jsonString.contains("ETREAT") })
            let read = try await auth.get("Patient/p-out", token: glass)
            #expect(read.status == 200)
            #expect(read.headers.first(name: "Warning")?.contains("ETREAT") == true)

            // Purposes the registration does not allow are refused at the token endpoint.
            let refused = try await token(auth, other, key: otherKey, purpose: "ETREAT")
            #expect(refused.status == 400)
            #expect(refused.json?["error"]?.stringValue == "invalid_request")
            #expect(try await token(auth, other, key: otherKey, purpose: "HRESCH").json?["error"]?.stringValue == "invalid_request")
            #expect(try await token(auth, other, key: otherKey, purpose: "treat").status == 400)
            #expect(try await token(auth, other, key: otherKey, purpose: "TREAT").status == 200)
        }
    }

    @Test("A Consent that breaks a rule is refused with 422 naming the rule and the element")
    func consentRulesOnWrite() async throws {
        try await TestServer.run { (server: TestServer) async throws in
            let deep = resourceJSON("""
                {"resourceType": "Consent", "status": "active",
                 "scope": {"coding": [{"system": "http://terminology.hl7.org/CodeSystem/consentscope", "code": "patient-privacy"}]},
                 "category": [{"coding": [{"system": "http://loinc.org", "code": "59284-0"}]}], "patient": {"reference": "Patient/p1"},
                 "policyRule": {"coding": [{"system": "http://terminology.hl7.org/CodeSystem/v3-ActCode", "code": "OPTIN"}]},
                 "provision": {"type": "permit", "provision": [{"type": "deny", "provision": [{"type": "permit"}]}]}}
                """)
            let response = try await server.client.post("Consent", json: deep)
            #expect(response.status == 422)
            #expect(response.diagnostics.contains("kiln-consent-depth"))
            #expect(response.resource["issue"]?.arrayValue?.first?["expression"]?.arrayValue?.first?.stringValue == "Consent.provision.provision[0].provision")
            let noPolicy = resourceJSON("""
                {"resourceType": "Consent", "status": "active",
                 "scope": {"coding": [{"system": "http://terminology.hl7.org/CodeSystem/consentscope", "code": "patient-privacy"}]},
                 "category": [{"coding": [{"system": "http://loinc.org", "code": "59284-0"}]}], "patient": {"reference": "Patient/p1"}}
                """)
            let refused = try await server.client.post("Consent", json: noPolicy)
            #expect(refused.status == 422)
            #expect(refused.diagnostics.contains("ppc-1"))
        }
    }

    @Test("A Consent takes effect on the very next request after its commit, and its revocation too")
    func nextRequestSeesTheChange() async throws {
        let access = SwitchableAccess()
        try await TestServer.run(access: access) { (server: TestServer) async throws in
            try await server.put(json: #"{"resourceType": "Patient", "id": "p-out"}"#,
                                 #"{"resourceType": "Observation", "id": "o-out", "status": "final", "code": {"text": "x"}, "subject": {"reference": "Patient/p-out"}}"#)
            let other = AccessFilter(consent: ConsentScope(purpose: "TREAT", actors: ["Organization/org-other"], actions: ["access"], permitsByDefault: true))
            access.set(other)
            #expect(try await server.matches("Observation") == ["Observation/o-out"])
            access.set(.unrestricted)
            try await server.put(json: Self.optOutOfOther)
            access.set(other)
            #expect(try await server.matches("Observation") == [])
            access.set(.unrestricted)
            let revoked = resourceJSON(Self.optOutOfOther.replacingOccurrences(of: #""status": "active""#, with: #""status": "inactive""#))
            #expect(try await server.client.put("Consent/c-out", json: revoked).status == 200)
            access.set(other)
            #expect(try await server.matches("Observation") == ["Observation/o-out"])
        }
    }
}
