import FHIRModel
import FHIRStore
import Foundation
import KilnTesting
import SMARTAuth
import Testing

/// The authorization-code flow with PKCE through Kiln's login and approval forms.
@Suite("Authorization: code flow with PKCE, patient context, refresh")
struct AuthorizationCodeFlowTests {
    /// Two patients (the second's data holds a marker no response to the first may show), an
    /// Observation each, a patient-role user for p1, a clinician assigned both, and the public app.
    static func seed(_ auth: AuthTestServer) async throws {
        let (admin, _) = try await auth.backendToken(clientID: "loader", scope: "system/*.cruds")
        let headers = ["Authorization": "Bearer \(admin)"]
        for (id, family) in [("p1", "Visible"), ("p2-canary", "Zebrafinch")] {
            let patient = try await auth.client.put("Patient/\(id)", json: resourceJSON(#"{"resourceType": "Patient", "id": "\#(id)", "name": [{"family": "\#(family)"}]}"#), headers: headers)
            try #require(patient.status == 201, "\(patient.text)")
            let observation = try await auth.client.put("Observation/obs-\(id)", json: resourceJSON("""
                {"resourceType": "Observation", "id": "obs-\(id)", "status": "final", "code": {"text": "\(family) glucose"},
                 "subject": {"reference": "Patient/\(id)"}}
                """), headers: headers)
            try #require(observation.status == 201, "\(observation.text)")
        }
        let hasher = PasswordHasher(iterations: 210_000)
        try await auth.store.addUser(UserRecord(username: "pat", passwordHash: try hasher.hash("pat-password"), role: "patient", fhirUser: "Patient/p1"))
        try await auth.store.addUser(UserRecord(username: "doc", passwordHash: try hasher.hash("doc-password"), role: "clinician", fhirUser: "Practitioner/doc", patients: ["p1", "p2-canary"]))
        try await auth.store.addClient(ClientRecord(
            clientID: "app", kind: .public, redirectURIs: ["http://localhost:9/callback"],
            scope: "openid fhirUser launch/patient patient/*.rs offline_access"
        ))
    }

    @Test("A patient signs in, approves, and the app's token is confined to that patient; the code works once; refresh rotates")
    func patientStandaloneLaunch() async throws {
        try await AuthTestServer.run { auth in
            try await Self.seed(auth)
            let flow = AuthorizationCodeFlow(auth: auth)
            let (code, state) = try await flow.code(username: "pat", password: "pat-password")
            #expect(state == flow.state)
            let response = try await flow.exchange(code)
            try #require(response.status == 200, "\(response.text)")
            #expect(response.header("Cache-Control") == "no-store")
            let body = try #require(response.json)
            #expect(body["patient"] == "p1")
            #expect(body["fhirUser"] == "Patient/p1")
            #expect(body["id_token"]?.stringValue != nil)
            let token = try #require(body["access_token"]?.stringValue)
            let refresh = try #require(body["refresh_token"]?.stringValue)

            #expect(try await auth.get("Patient/p1", token: token).status == 200)
            for path in ["Patient/p2-canary", "Observation/obs-p2-canary"] {
                let hidden = try await auth.get(path, token: token)
                #expect(hidden.status == 404, "\(path): \(hidden.status)")
                #expect(!hidden.text.contains("Zebrafinch"))
            }
            let observations = try await auth.get("Observation?_total=accurate", token: token)
            #expect(observations.json?["total"]?.numberValue?.intValue == 1)
            #expect(!observations.text.contains("Zebrafinch"))

            // Refresh: a new token; the used refresh token is spent.
            let refreshed = try await auth.postForm(auth.tokenURL, [("grant_type", "refresh_token"), ("refresh_token", refresh), ("client_id", "app")])
            #expect(refreshed.status == 200, "\(refreshed.text)")
            let newToken = try #require(refreshed.json?["access_token"]?.stringValue)
            let newRefresh = try #require(refreshed.json?["refresh_token"]?.stringValue)
            #expect(try await auth.get("Patient/p1", token: newToken).status == 200)
            let again = try await auth.postForm(auth.tokenURL, [("grant_type", "refresh_token"), ("refresh_token", refresh), ("client_id", "app")])
            #expect(again.json?["error"] == "invalid_grant")

            // The code again: refused, and the grant's refresh tokens are revoked (the code leaked).
            let reused = try await flow.exchange(code)
            #expect(reused.status == 400)
            #expect(reused.json?["error"] == "invalid_grant")
            let afterReuse = try await auth.postForm(auth.tokenURL, [("grant_type", "refresh_token"), ("refresh_token", newRefresh), ("client_id", "app")])
            #expect(afterReuse.json?["error"] == "invalid_grant")
        }
    }

    @Test("A clinician with several patients picks one; wrong verifier, wrong redirect URI and wrong password are refused")
    func refusalsAndPatientPicker() async throws {
        try await AuthTestServer.run { auth in
            try await Self.seed(auth)
            let flow = AuthorizationCodeFlow(auth: auth)
            let picked = try await flow.code(username: "doc", password: "doc-password", patient: "p2-canary")
            let response = try await flow.exchange(picked.code)
            try #require(response.status == 200, "\(response.text)")
            #expect(response.json?["patient"] == "p2-canary")
            let token = try #require(response.json?["access_token"]?.stringValue)
            #expect(try await auth.get("Patient/p1", token: token).status == 404)
            #expect(try await auth.get("Patient/p2-canary", token: token).status == 200)

            // PKCE: another verifier than the challenge's.
            let second = try await flow.code(username: "pat", password: "pat-password")
            let mismatch = try await flow.exchange(second.code, verifier: PKCE.makeVerifier())
            #expect(mismatch.status == 400)
            #expect(mismatch.json?["error"] == "invalid_grant")

            // redirect_uri: not registered at authorize (an error page, never a redirect), or another one at the token endpoint.
            let unregistered = try await auth.client.get(auth.serverURL + "/auth/authorize?" + flow.authorizeQuery(redirectURI: "http://localhost:9/elsewhere"))
            #expect(unregistered.status == 400)
            #expect(unregistered.header("Location") == nil)
            let third = try await flow.code(username: "pat", password: "pat-password")
            #expect(try await flow.exchange(third.code, redirectURI: "http://localhost:9/other").json?["error"] == "invalid_grant")

            // A wrong password shows the login form again, with no ticket.
            let login = try await auth.client.get(auth.serverURL + "/auth/authorize?" + flow.authorizeQuery())
            let retry = try await auth.postForm(auth.serverURL + "/auth/authorize", AuthorizationCodeFlow.hiddenFields(login.text) + [("username", "pat"), ("password", "wrong")])
            #expect(retry.status == 200)
            #expect(retry.text.contains("wrong"))
            #expect(!retry.text.contains("ticket"))
        }
    }

    @Test("A removed user's access token is refused within the revocation poll interval, their refresh token is spent, and a user added again under the name signs in anew")
    func removedUser() async throws {
        try await AuthTestServer.run { auth in
            try await Self.seed(auth)
            let flow = AuthorizationCodeFlow(auth: auth)
            let response = try await flow.exchange(try await flow.code(username: "pat", password: "pat-password").code)
            try #require(response.status == 200, "\(response.text)")
            let token = try #require(response.json?["access_token"]?.stringValue)
            let refresh = try #require(response.json?["refresh_token"]?.stringValue)
            #expect(try await auth.get("Patient/p1", token: token).status == 200)

            // What `kiln user remove pat` and DELETE /admin/users/pat do.
            #expect(try await auth.store.removeUser(named: "pat") == 1)
            let started = ContinuousClock.now
            // The poll interval plus slack for a loaded machine (RevocationAcrossNodesTests measures the bound).
            let bound = Duration.milliseconds(200) + .seconds(3)
            var refused = try await auth.get("Patient/p1", token: token)
            while refused.status != 401 && ContinuousClock.now - started < bound + .seconds(2) {
                try await Task.sleep(for: .milliseconds(50))
                refused = try await auth.get("Patient/p1", token: token)
            }
            let elapsed = ContinuousClock.now - started
            print("Removed user's token refused after \(elapsed) (poll interval 200 ms)")
            #expect(refused.status == 401)
            #expect(elapsed <= bound, "refused after \(elapsed)")
            #expect(refused.header("WWW-Authenticate")?.contains("invalid_token") == true)
            #expect(refused.text.contains("removed"))
            let refreshed = try await auth.postForm(auth.tokenURL, [("grant_type", "refresh_token"), ("refresh_token", refresh), ("client_id", "app")])
            #expect(refreshed.json?["error"] == "invalid_grant")

            // The name again, at once: another account, whose new sign-in works.
            try await auth.store.addUser(UserRecord(username: "pat", passwordHash: try PasswordHasher(iterations: 210_000).hash("new-password"), role: "patient", fhirUser: "Patient/p1"))
            let again = try await flow.exchange(try await flow.code(username: "pat", password: "new-password").code)
            try #require(again.status == 200, "\(again.text)")
            let newToken = try #require(again.json?["access_token"]?.stringValue)
            #expect(try await auth.get("Patient/p1", token: newToken).status == 200)
            #expect(try await auth.get("Patient/p1", token: token).status == 401)
        }
    }
}

@Suite("Authorization: clinicians' new Patients")
struct ClinicianPatientCreationTests {
    @Test("A Patient a clinician creates is assigned to them: they can read it and its Observations, another clinician cannot")
    func createdPatientIsAssigned() async throws {
        try await AuthTestServer.run { auth in
            let hasher = PasswordHasher(iterations: 210_000)
            try await auth.store.addUser(UserRecord(username: "doc", passwordHash: try hasher.hash("doc-password"), role: "clinician", fhirUser: "Practitioner/doc"))
            try await auth.store.addUser(UserRecord(username: "other", passwordHash: try hasher.hash("other-password"), role: "clinician", fhirUser: "Practitioner/other"))
            let stored = try #require(try await auth.store.currentSigningKey())
            let issuer = TokenIssuer(issuer: auth.server.baseURL, audience: auth.server.baseURL, key: try ServerSigningKey(pemRepresentation: stored.privateKeyPEM))
            let scopes = try ScopeSet(parsing: "user/*.cruds")
            let doc = try await issuer.issueAccessToken(subject: "doc", clientID: "app", scopes: scopes, role: .clinician).token
            let other = try await issuer.issueAccessToken(subject: "other", clientID: "app", scopes: scopes, role: .clinician).token

            let created = try await auth.client.post("Patient", json: ["resourceType": "Patient", "name": [["family": "New"]]], headers: ["Authorization": "Bearer \(doc)"])
            try #require(created.status == 201, "\(created.text)")
            let id = try #require(created.resource["id"]?.stringValue)
            #expect(try await auth.store.assignedPatients(of: "doc") == [id])
            #expect(try await auth.get("Patient/\(id)", token: doc).status == 200)
            let observation = try await auth.client.post("Observation", json: [
                "resourceType": "Observation", "status": "final", "code": ["text": "weight"], "subject": ["reference": .string("Patient/\(id)")],
            ], headers: ["Authorization": "Bearer \(doc)"])
            #expect(observation.status == 201, "\(observation.text)")
            #expect(try await auth.get("Patient/\(id)", token: other).status == 404)
            #expect(try await auth.store.assignedPatients(of: "other").isEmpty)
        }
    }
}
