import AsyncHTTPClient
import Crypto
import FHIRModel
import FHIRStore
import Foundation
import KilnServer
import KilnTesting
import Logging
import NIOHTTP1
import SMARTAuth
import Testing

/// A running server with authorization on, its auth store, and a client that does not follow
/// redirects (the authorize endpoint redirects to the app).
struct AuthTestServer: Sendable {
    let server: TestServer
    let store: AuthStore
    let client: KilnClient

    /// `<server>` of the FHIR base `<server>/fhir`.
    var serverURL: String { String(server.baseURL.dropLast(5)) }
    var tokenURL: String { serverURL + "/auth/token" }

    /// Runs `body` against a fresh server with authorization on (and `research`, when given).
    static func run(configure: (inout AuthSettings) throws -> Void = { _ in }, research: ResearchServices? = nil,
                    _ body: @Sendable (AuthTestServer) async throws -> Void) async throws {
        var settings = AuthSettings()
        try configure(&settings)
        settings.initialAdministratorPassword = "first-admin-password"
        settings.revocationPollInterval = .milliseconds(200)
        let http = HTTPClient(eventLoopGroupProvider: .singleton, configuration: .kilnTesting(followRedirects: false))
        do {
            try await TestServer.run(authorization: settings, research: research) { (server: TestServer) async throws in
                try await TestCluster.withClient(server.database) { postgres in
                    let store = AuthStore(client: postgres, logger: Logger(label: "test"))
                    try await body(AuthTestServer(server: server, store: store, client: KilnClient(baseURL: server.baseURL, httpClient: http)))
                }
            }
        } catch {
            try? await http.shutdown()
            throw error
        }
        try await http.shutdown()
    }

    /// `POST` of an `application/x-www-form-urlencoded` body.
    func postForm(_ url: String, _ fields: [(String, String)], headers: [String: String] = [:]) async throws -> KilnResponse {
        var headers = headers
        headers["Content-Type"] = "application/x-www-form-urlencoded"
        return try await client.request(.POST, url, headers: headers, body: Array(Self.formEncode(fields).utf8))
    }

    static func formEncode(_ fields: [(String, String)]) -> String {
        var allowed = CharacterSet.alphanumerics
        allowed.insert(charactersIn: "-._~")
        return fields.map { name, value in
            "\(name.addingPercentEncoding(withAllowedCharacters: allowed) ?? name)=\(value.addingPercentEncoding(withAllowedCharacters: allowed) ?? value)"
        }.joined(separator: "&")
    }

    /// `GET` with a bearer token.
    func get(_ path: String, token: String) async throws -> KilnResponse {
        try await client.get(path, headers: ["Authorization": "Bearer \(token)"])
    }
}

/// A backend-services client's ES384 key: its JWKS and signed client assertions.
struct BackendKey: Sendable {
    let key = P384.Signing.PrivateKey()
    let kid = "test-key-1"

    var jwks: String {
        let point = key.publicKey.x963Representation.dropFirst()
        let x = BackendKey.base64URL(Data(point.prefix(48)))
        let y = BackendKey.base64URL(Data(point.suffix(48)))
        return #"{"keys": [{"kty": "EC", "crv": "P-384", "x": "\#(x)", "y": "\#(y)", "kid": "\#(kid)", "alg": "ES384", "use": "sig"}]}"#
    }

    /// A client assertion for `clientID` to `audience`, expiring in `lifetime` seconds.
    func assertion(clientID: String, audience: String, lifetime: TimeInterval = 240, jti: String = UUID().uuidString) throws -> String {
        let now = Int(Date().timeIntervalSince1970)
        let header = #"{"alg":"ES384","typ":"JWT","kid":"\#(kid)"}"#
        let payload = #"{"iss":"\#(clientID)","sub":"\#(clientID)","aud":"\#(audience)","exp":\#(now + Int(lifetime)),"jti":"\#(jti)"}"#
        let signingInput = BackendKey.base64URL(Data(header.utf8)) + "." + BackendKey.base64URL(Data(payload.utf8))
        let signature = try key.signature(for: Data(signingInput.utf8))
        return signingInput + "." + BackendKey.base64URL(signature.rawRepresentation)
    }

    static func base64URL(_ data: Data) -> String {
        data.base64EncodedString().replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_").replacingOccurrences(of: "=", with: "")
    }
}

extension AuthTestServer {
    /// Registers a backend client with `scope` (and `role`, and a researcher's `project`) and
    /// returns a token for `requested`.
    func backendToken(clientID: String, scope: String, role: String? = nil, project: String? = nil, requested: String? = nil) async throws -> (token: String, key: BackendKey) {
        let key = BackendKey()
        try await store.addClient(ClientRecord(clientID: clientID, kind: .confidentialAsymmetric, jwks: key.jwks, scope: scope, role: role, project: project))
        let response = try await postForm(tokenURL, [
            ("grant_type", "client_credentials"), ("scope", requested ?? scope),
            ("client_assertion_type", "urn:ietf:params:oauth:client-assertion-type:jwt-bearer"),
            ("client_assertion", try key.assertion(clientID: clientID, audience: tokenURL)),
        ])
        try #require(response.status == 200, "token for \(clientID): \(response.status) \(response.text)")
        return (try #require(response.json?["access_token"]?.stringValue), key)
    }
}

/// The authorization-code flow driven through Kiln's HTML forms, as a browser would.
struct AuthorizationCodeFlow: Sendable {
    /// A client that does not follow redirects.
    let client: KilnClient
    /// `<server>` of the node's own `<server>/auth/…` endpoints.
    let serverURL: String
    /// The FHIR base URL the token is for (`aud`).
    let audience: String
    var clientID = "app"
    var redirectURI = "http://localhost:9/callback"
    var scope = "openid fhirUser launch/patient patient/*.rs offline_access"
    var verifier = PKCE.makeVerifier()
    var state = "state-\(UUID().uuidString)"
    /// The `purpose_of_use` of the authorization request; nil for none.
    var purpose: String?

    /// The flow against a test server.
    init(auth: AuthTestServer) {
        self.init(client: auth.client, serverURL: auth.serverURL, audience: auth.server.baseURL)
    }

    /// The flow against the node at `serverURL`, for tokens to `audience`.
    init(client: KilnClient, serverURL: String, audience: String) {
        self.client = client
        self.serverURL = serverURL
        self.audience = audience
    }

    /// The authorize URL's query.
    func authorizeQuery(redirectURI: String? = nil) throws -> String {
        AuthTestServer.formEncode([
            ("response_type", "code"), ("client_id", clientID), ("redirect_uri", redirectURI ?? self.redirectURI),
            ("scope", scope), ("state", state), ("aud", audience),
            ("code_challenge", try PKCE.challenge(for: verifier)), ("code_challenge_method", "S256"),
        ] + (purpose.map { [("purpose_of_use", $0)] } ?? []))
    }

    /// Signs in as `username`, approves, and returns the code from the redirect (with its state).
    func code(username: String, password: String, patient: String? = nil) async throws -> (code: String, state: String?) {
        let login = try await client.get(serverURL + "/auth/authorize?" + authorizeQuery())
        try #require(login.status == 200, "authorize: \(login.status) \(login.text)")
        var fields = Self.hiddenFields(login.text)
        fields += [("username", username), ("password", password)]
        let approval = try await postForm(serverURL + "/auth/authorize", fields)
        try #require(approval.status == 200 && approval.text.contains("ticket"), "login: \(approval.status) \(approval.text)")
        var decision = Self.hiddenFields(approval.text)
        decision += Self.checkedBoxes(approval.text)
        if let patient { decision.append(("patient", patient)) }
        decision.append(("action", "approve"))
        let redirect = try await postForm(serverURL + "/auth/authorize", decision)
        try #require(redirect.status == 302, "approve: \(redirect.status) \(redirect.text)")
        let location = try #require(redirect.header("Location").flatMap(URLComponents.init(string:)))
        let items = location.queryItems ?? []
        let code = try #require(items.first { $0.name == "code" }?.value, "no code in \(location)")
        return (code, items.first { $0.name == "state" }?.value)
    }

    /// `POST /auth/token` for the code.
    func exchange(_ code: String, verifier: String? = nil, redirectURI: String? = nil) async throws -> KilnResponse {
        try await postForm(serverURL + "/auth/token", [
            ("grant_type", "authorization_code"), ("code", code), ("redirect_uri", redirectURI ?? self.redirectURI),
            ("code_verifier", verifier ?? self.verifier), ("client_id", clientID),
        ])
    }

    /// `POST` of an `application/x-www-form-urlencoded` body.
    func postForm(_ url: String, _ fields: [(String, String)]) async throws -> KilnResponse {
        try await client.request(
            .POST, url, headers: ["Content-Type": "application/x-www-form-urlencoded"], body: Array(AuthTestServer.formEncode(fields).utf8)
        )
    }

    /// The hidden inputs of a page.
    static func hiddenFields(_ html: String) -> [(String, String)] {
        inputs(html).filter { $0.type == "hidden" }.map { ($0.name, $0.value) }
    }

    /// The checked checkboxes of a page.
    static func checkedBoxes(_ html: String) -> [(String, String)] {
        inputs(html).filter { $0.type == "checkbox" && $0.checked }.map { ($0.name, $0.value) }
    }

    private static func inputs(_ html: String) -> [(type: String, name: String, value: String, checked: Bool)] {
        html.components(separatedBy: "<input").dropFirst().compactMap { tag in
            let element = String(tag.prefix { $0 != ">" })
            func attribute(_ name: String) -> String? {
                guard let start = element.range(of: " \(name)=\"") else { return nil }
                let rest = element[start.upperBound...]
                guard let end = rest.firstIndex(of: "\"") else { return nil }
                return String(rest[..<end]).replacingOccurrences(of: "&quot;", with: "\"").replacingOccurrences(of: "&lt;", with: "<")
                    .replacingOccurrences(of: "&gt;", with: ">").replacingOccurrences(of: "&#39;", with: "'").replacingOccurrences(of: "&amp;", with: "&")
            }
            guard let name = attribute("name") else { return nil }
            return (attribute("type") ?? "text", name, attribute("value") ?? "", element.contains(" checked"))
        }
    }
}
