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

    /// Runs `body` against a fresh server with authorization on.
    static func run(_ body: @Sendable (AuthTestServer) async throws -> Void) async throws {
        var settings = AuthSettings()
        settings.initialAdministratorPassword = "first-admin-password"
        settings.revocationPollInterval = .milliseconds(200)
        let http = HTTPClient(eventLoopGroupProvider: .singleton, configuration: HTTPClient.Configuration(redirectConfiguration: .disallow))
        do {
            try await TestServer.run(authorization: settings) { (server: TestServer) async throws in
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
    /// Registers a backend client with `scope` (and `role`) and returns a token for `requested`.
    func backendToken(clientID: String, scope: String, role: String? = nil, requested: String? = nil) async throws -> (token: String, key: BackendKey) {
        let key = BackendKey()
        try await store.addClient(ClientRecord(clientID: clientID, kind: .confidentialAsymmetric, jwks: key.jwks, scope: scope, role: role))
        let response = try await postForm(tokenURL, [
            ("grant_type", "client_credentials"), ("scope", requested ?? scope),
            ("client_assertion_type", "urn:ietf:params:oauth:client-assertion-type:jwt-bearer"),
            ("client_assertion", try key.assertion(clientID: clientID, audience: tokenURL)),
        ])
        try #require(response.status == 200, "token for \(clientID): \(response.status) \(response.text)")
        return (try #require(response.json?["access_token"]?.stringValue), key)
    }
}
