import FHIRModel
import FHIRStore
import Foundation
import KilnTesting
import SMARTAuth
import Testing

/// The SMART authorization server and the bearer-token check, end to end over HTTP.
@Suite("Authorization: discovery, bearer tokens, backend services")
struct AuthorizationHTTPTests {
    @Test("smart-configuration has absolute URLs, S256 and the real capabilities; metadata is open")
    func discovery() async throws {
        try await AuthTestServer.run { auth in
            let response = try await auth.client.get(".well-known/smart-configuration")
            #expect(response.status == 200)
            let document = try #require(response.json)
            #expect(document["token_endpoint"]?.stringValue == auth.tokenURL)
            #expect(document["authorization_endpoint"]?.stringValue == auth.serverURL + "/auth/authorize")
            #expect(document["code_challenge_methods_supported"] == ["S256"])
            let capabilities = document["capabilities"]?.arrayValue?.compactMap(\.stringValue) ?? []
            for capability in ["launch-standalone", "launch-ehr", "client-confidential-asymmetric", "permission-v2", "sso-openid-connect"] {
                #expect(capabilities.contains(capability))
            }
            let metadata = try await auth.client.get("metadata")
            #expect(metadata.status == 200)
            let security = metadata.resource["rest"]?.arrayValue?.first?["security"]
            #expect(security?["service"]?.arrayValue?.first?["coding"]?.arrayValue?.first?["code"] == "SMART-on-FHIR")
            let oauthURIs = security?["extension"]?.arrayValue?.first?["extension"]?.arrayValue ?? []
            #expect(oauthURIs.contains { $0["url"] == "token" && $0["valueUri"]?.stringValue == auth.tokenURL })
            let jwks = try await auth.client.get(auth.serverURL + "/auth/jwks")
            #expect(jwks.json?["keys"]?.arrayValue?.count == 1)
        }
    }

    @Test("401 with WWW-Authenticate for a missing, malformed, expired, not-yet-valid, wrong-issuer, wrong-audience, badly signed, unknown-key or alg none token")
    func unauthorized() async throws {
        try await AuthTestServer.run { auth in
            let base = auth.server.baseURL
            let stored = try #require(try await auth.store.currentSigningKey())
            let key = try ServerSigningKey(pemRepresentation: stored.privateKeyPEM)
            let scopes = try ScopeSet(parsing: "system/*.rs")
            func token(issuer: String = base, audience: String = base, key: ServerSigningKey = key, now: Date = Date()) async throws -> String {
                try await TokenIssuer(issuer: issuer, audience: audience, key: key).issueAccessToken(subject: "t", clientID: "t", scopes: scopes, now: now).token
            }
            let valid = try await token()
            #expect(try await auth.get("Patient", token: valid).status == 200)

            let missing = try await auth.client.get("Patient")
            #expect(missing.status == 401)
            #expect(missing.header("WWW-Authenticate")?.hasPrefix("Bearer") == true)
            #expect(missing.json?["resourceType"] == "OperationOutcome")
            #expect(try await auth.client.get("Patient", headers: ["Authorization": "Basic dXNlcjpwYXNz"]).status == 401)

            let parts = valid.split(separator: ".").map(String.init)
            let noneHeader = BackendKey.base64URL(Data(#"{"alg":"none","typ":"at+jwt"}"#.utf8))
            let tamperedPayload = BackendKey.base64URL(Data(#"{"iss":"\#(base)","aud":"\#(base)","sub":"admin","scope":"system/*.cruds","exp":9999999999,"iat":1}"#.utf8))
            let cases: [(String, String)] = [
                ("garbage", "not-a-token"),
                ("alg none", "\(noneHeader).\(parts[1])."),
                ("tampered payload", "\(parts[0]).\(tamperedPayload).\(parts[2])"),
                ("expired", try await token(now: Date().addingTimeInterval(-7200))),
                ("not yet valid", try await token(now: Date().addingTimeInterval(3600))),
                ("wrong issuer", try await token(issuer: "https://elsewhere.example/fhir")),
                ("wrong audience", try await token(audience: "https://elsewhere.example/fhir")),
                ("unknown key", try await token(key: ServerSigningKey.generate())),
            ]
            for (name, bad) in cases {
                let response = try await auth.get("Patient", token: bad)
                #expect(response.status == 401, "\(name): \(response.status) \(response.text)")
                #expect(response.header("WWW-Authenticate")?.contains(#"error="invalid_token""#) == true, "\(name)")
            }
        }
    }

    @Test("Backend services: client_credentials with an ES384 assertion; scopes enforced; replay, wrong audience and unknown scopes refused; introspection and revocation")
    func backendServices() async throws {
        try await AuthTestServer.run { auth in
            let key = BackendKey()
            try await auth.store.addClient(ClientRecord(clientID: "etl", kind: .confidentialAsymmetric, jwks: key.jwks, scope: "system/Observation.rs system/Patient.r"))
            func tokenRequest(_ assertion: String, scope: String = "system/Observation.rs") async throws -> KilnResponse {
                try await auth.postForm(auth.tokenURL, [
                    ("grant_type", "client_credentials"), ("scope", scope),
                    ("client_assertion_type", "urn:ietf:params:oauth:client-assertion-type:jwt-bearer"), ("client_assertion", assertion),
                ])
            }
            let assertion = try key.assertion(clientID: "etl", audience: auth.tokenURL)
            let granted = try await tokenRequest(assertion)
            try #require(granted.status == 200, "\(granted.text)")
            #expect(granted.header("Cache-Control") == "no-store")
            let body = try #require(granted.json)
            #expect(body["token_type"] == "Bearer")
            #expect(body["scope"] == "system/Observation.rs")
            #expect((body["expires_in"]?.numberValue?.intValue ?? 0) <= 300)
            #expect(body["refresh_token"] == nil)
            let token = try #require(body["access_token"]?.stringValue)

            // The same assertion again, an assertion for another audience, a scope never registered, a malformed scope.
            #expect(try await tokenRequest(assertion).status == 401)
            #expect(try await tokenRequest(try key.assertion(clientID: "etl", audience: "https://elsewhere.example/token")).status == 401)
            #expect(try await tokenRequest(try key.assertion(clientID: "etl", audience: auth.tokenURL, lifetime: 3600)).status == 401)
            let unregistered = try await tokenRequest(try key.assertion(clientID: "etl", audience: auth.tokenURL), scope: "system/Consent.rs")
            #expect(unregistered.status == 400)
            #expect(unregistered.json?["error"] == "invalid_scope")
            let malformed = try await tokenRequest(try key.assertion(clientID: "etl", audience: auth.tokenURL), scope: "system/Observation.xyz")
            #expect(malformed.json?["error"] == "invalid_scope")
            let chained = try await tokenRequest(try key.assertion(clientID: "etl", audience: auth.tokenURL), scope: "system/Observation.rs?subject.name=x")
            #expect(chained.json?["error"] == "invalid_scope")

            // What the token may do: search Observations; not Patients (not granted), not writes.
            #expect(try await auth.get("Observation", token: token).status == 200)
            #expect(try await auth.get("Patient", token: token).status == 403)
            let write = try await auth.client.post("Observation", json: ["resourceType": "Observation", "status": "final", "code": ["text": "x"]], headers: ["Authorization": "Bearer \(token)"])
            #expect(write.status == 403)
            #expect(write.json?["resourceType"] == "OperationOutcome")

            // Introspection (authenticated with a fresh assertion), then revocation.
            func introspect() async throws -> JSONValue? {
                try await auth.postForm(auth.serverURL + "/auth/introspect", [
                    ("token", token), ("client_assertion_type", "urn:ietf:params:oauth:client-assertion-type:jwt-bearer"),
                    ("client_assertion", try key.assertion(clientID: "etl", audience: auth.tokenURL)),
                ]).json
            }
            let active = try #require(try await introspect())
            #expect(active["active"] == true)
            #expect(active["scope"] == "system/Observation.rs")
            let revoked = try await auth.postForm(auth.serverURL + "/auth/revoke", [
                ("token", token), ("token_type_hint", "access_token"),
                ("client_assertion_type", "urn:ietf:params:oauth:client-assertion-type:jwt-bearer"),
                ("client_assertion", try key.assertion(clientID: "etl", audience: auth.tokenURL)),
            ])
            #expect(revoked.status == 200)
            #expect(try await auth.get("Observation", token: token).status == 401)
            let inactive = try #require(try await introspect())
            #expect(inactive == ["active": false])
            let unauthenticated = try await auth.postForm(auth.serverURL + "/auth/introspect", [("token", token)])
            #expect(unauthenticated.status == 401)
        }
    }
}
