import FHIRModel
import FHIRStore
import Foundation
import KilnTesting
import SMARTAuth
import Testing

/// `purpose_of_use` on the authorization request: held against the user's registration after
/// sign-in, carried by the code into the token and kept by the refresh token.
@Suite("Authorization: purpose of use on the authorize request")
struct AuthorizePurposeTests {
    /// A patient who opted out of every use, an Observation of theirs, a break-glass clinician
    /// and an ordinary one both assigned the patient, and a public app with user scopes.
    static func seed(_ auth: AuthTestServer) async throws {
        let (loader, _) = try await auth.backendToken(clientID: "loader", scope: "system/*.cruds")
        let headers = ["Authorization": "Bearer \(loader)"]
        for text in [
            #"{"resourceType": "Patient", "id": "p-out", "name": [{"family": "Quillfeather"}]}"#,
            #"{"resourceType": "Observation", "id": "o-out", "status": "final", "code": {"text": "glucose"}, "subject": {"reference": "Patient/p-out"}}"#,
            """
            {"resourceType": "Consent", "id": "c-out", "status": "active",
             "scope": {"coding": [{"system": "http://terminology.hl7.org/CodeSystem/consentscope", "code": "patient-privacy"}]},
             "category": [{"coding": [{"system": "http://loinc.org", "code": "59284-0"}]}],
             "patient": {"reference": "Patient/p-out"}, "dateTime": "2026-01-01",
             "policyRule": {"coding": [{"system": "http://terminology.hl7.org/CodeSystem/v3-ActCode", "code": "OPTOUT"}]}}
            """,
        ] {
            let resource = resourceJSON(text)
            let path = "\(resource["resourceType"]?.stringValue ?? "")/\(resource["id"]?.stringValue ?? "")"
            let response = try await auth.client.put(path, json: resource, headers: headers)
            try #require(response.status == 201, "PUT \(path): \(response.status) \(response.text)")
        }
        let hasher = PasswordHasher(iterations: 210_000)
        try await auth.store.addUser(UserRecord(
            username: "er-doc", passwordHash: try hasher.hash("er-password"), role: "clinician", fhirUser: "Practitioner/er-doc",
            patients: ["p-out"], breakGlass: true
        ))
        try await auth.store.addUser(UserRecord(
            username: "doc", passwordHash: try hasher.hash("doc-password"), role: "clinician", fhirUser: "Practitioner/doc", patients: ["p-out"]
        ))
        try await auth.store.addClient(ClientRecord(
            clientID: "app", kind: .public, redirectURIs: ["http://localhost:9/callback"], scope: "openid fhirUser user/*.rs offline_access"
        ))
    }

    static func flow(_ auth: AuthTestServer, purpose: String?) -> AuthorizationCodeFlow {
        var flow = AuthorizationCodeFlow(auth: auth)
        flow.scope = "openid fhirUser user/*.rs offline_access"
        flow.purpose = purpose
        return flow
    }

    @Test("A break-glass user's ETREAT from the authorize request reaches the token and its refresh, and overrides the Consent")
    func breakGlassThroughAuthorize() async throws {
        try await AuthTestServer.run { auth in
            try await Self.seed(auth)
            let flow = Self.flow(auth, purpose: "ETREAT")
            let login = try await auth.client.get(auth.serverURL + "/auth/authorize?" + flow.authorizeQuery())
            #expect(login.status == 200)
            var fields = AuthorizationCodeFlow.hiddenFields(login.text)
            #expect(fields.contains { $0 == ("purpose_of_use", "ETREAT") })
            fields += [("username", "er-doc"), ("password", "er-password")]
            let approval = try await flow.postForm(auth.serverURL + "/auth/authorize", fields)
            #expect(approval.text.contains("Break-glass"))

            let (code, _) = try await flow.code(username: "er-doc", password: "er-password")
            let exchanged = try await flow.exchange(code)
            try #require(exchanged.status == 200, "\(exchanged.text)")
            #expect(exchanged.json?["purpose_of_use"]?.stringValue == "ETREAT")
            let token = try #require(exchanged.json?["access_token"]?.stringValue)
            let read = try await auth.get("Observation/o-out", token: token)
            #expect(read.status == 200)
            #expect(read.header("Warning")?.contains("ETREAT") == true)

            let refresh = try #require(exchanged.json?["refresh_token"]?.stringValue)
            let refreshed = try await flow.postForm(auth.serverURL + "/auth/token", [
                ("grant_type", "refresh_token"), ("refresh_token", refresh), ("client_id", "app"),
            ])
            try #require(refreshed.status == 200, "\(refreshed.text)")
            #expect(refreshed.json?["purpose_of_use"]?.stringValue == "ETREAT")
        }
    }

    @Test("Without a purpose the clinician's default applies and the Consent denies; ETREAT for a user without break-glass, or a malformed purpose, is invalid_request")
    func refusedPurposes() async throws {
        try await AuthTestServer.run { auth in
            try await Self.seed(auth)
            let plain = Self.flow(auth, purpose: nil)
            let (code, _) = try await plain.code(username: "er-doc", password: "er-password")
            let exchanged = try await plain.exchange(code)
            try #require(exchanged.status == 200, "\(exchanged.text)")
            #expect(exchanged.json?["purpose_of_use"] == nil)
            let token = try #require(exchanged.json?["access_token"]?.stringValue)
            let hidden = try await auth.get("Observation/o-out", token: token)
            #expect(hidden.status == 404)
            #expect(!hidden.text.contains("Quillfeather"))

            // A user without break-glass: refused after sign-in, back at the app.
            let glass = Self.flow(auth, purpose: "ETREAT")
            let login = try await auth.client.get(auth.serverURL + "/auth/authorize?" + glass.authorizeQuery())
            var fields = AuthorizationCodeFlow.hiddenFields(login.text)
            fields += [("username", "doc"), ("password", "doc-password")]
            let refused = try await glass.postForm(auth.serverURL + "/auth/authorize", fields)
            #expect(refused.status == 302)
            let location = try #require(refused.header("Location").flatMap(URLComponents.init(string:)))
            #expect(location.queryItems?.first { $0.name == "error" }?.value == "invalid_request")
            #expect(location.queryItems?.first { $0.name == "error_description" }?.value?.contains("break-glass") == true)
            #expect(location.queryItems?.first { $0.name == "state" }?.value == glass.state)

            // Not a purpose code at all: refused before sign-in.
            let malformed = Self.flow(auth, purpose: "treat")
            let early = try await auth.client.get(auth.serverURL + "/auth/authorize?" + malformed.authorizeQuery())
            #expect(early.status == 302)
            #expect(early.header("Location")?.contains("error=invalid_request") == true)
        }
    }
}
