import FHIRModel
import FHIRStore
import Foundation
import KilnTesting
import Logging
import NIOHTTP1
import PostgresNIO
import SMARTAuth
import Synchronization

/// The two callers of the HTTP comparisons, both backend clients of the in-process server
/// with authorization on: a system client (`system/*.rs`, no role) reading `/fhir`, and a
/// researcher (role `researcher`, project `default`) reading `/research/fhir`. Both send a
/// bearer token with every request, so both sides pay the token check alike.
///
/// Backend tokens live 300 s, so the tokens are fetched again before a measured slice once
/// they are ``refreshAfter`` old.
final class BenchmarkCallers: Sendable {
    /// The system client's id.
    static let clinicalClientID = "bench-clinical"
    /// The researcher's id.
    static let researcherClientID = "bench-researcher"
    /// The scopes both are registered with and ask for.
    static let scope = "system/*.rs"
    /// Age after which the tokens are fetched again.
    static let refreshAfter: Duration = .seconds(120)

    /// One pair of tokens and when it was fetched.
    private struct Tokens: Sendable {
        let clinical: [String: String]
        let research: [String: String]
        let fetched: ContinuousClock.Instant
    }

    private let client: KilnClient
    private let tokenURL: String
    private let secret: String
    private let tokens = Mutex<Tokens?>(nil)

    /// Callers fetching tokens with `client` from `tokenURL` with `secret`.
    private init(client: KilnClient, tokenURL: String, secret: String) {
        self.client = client
        self.tokenURL = tokenURL
        self.secret = secret
    }

    /// Registers both clients in the server's database (with one random secret, hashed as
    /// `kiln client add` hashes it) and fetches their first tokens.
    static func register(database: PostgresClient, client: KilnClient, serverURL: String) async throws -> BenchmarkCallers {
        let secret = RandomToken.make()
        let hash = try PasswordHasher(iterations: PasswordHasher.minimumIterations).hash(secret)
        let store = AuthStore(client: database, logger: Logger(label: "kiln.bench.research"))
        try await store.addClient(ClientRecord(clientID: clinicalClientID, kind: .confidentialSymmetric, secretHash: hash, scope: scope))
        try await store.addClient(ClientRecord(clientID: researcherClientID, kind: .confidentialSymmetric, secretHash: hash, scope: scope, role: "researcher"))
        let callers = BenchmarkCallers(client: client, tokenURL: serverURL + "/auth/token", secret: secret)
        try await callers.refreshIfOld()
        return callers
    }

    /// The system client's request headers.
    var clinicalHeaders: [String: String] { tokens.withLock { $0?.clinical ?? [:] } }
    /// The researcher's request headers.
    var researchHeaders: [String: String] { tokens.withLock { $0?.research ?? [:] } }

    /// Fetches new tokens when there are none or they are ``refreshAfter`` old.
    func refreshIfOld() async throws {
        let clock = ContinuousClock()
        if let fetched = tokens.withLock({ $0?.fetched }), clock.now - fetched < Self.refreshAfter { return }
        let started = clock.now
        let clinical = try await token(clientID: Self.clinicalClientID)
        let research = try await token(clientID: Self.researcherClientID)
        tokens.withLock {
            $0 = Tokens(clinical: ["Authorization": "Bearer \(clinical)"], research: ["Authorization": "Bearer \(research)"], fetched: started)
        }
    }

    /// A `client_credentials` token of `clientID`, authenticated with its secret.
    private func token(clientID: String) async throws -> String {
        let form = [("grant_type", "client_credentials"), ("scope", Self.scope), ("client_id", clientID), ("client_secret", secret)]
        var allowed = CharacterSet.alphanumerics
        allowed.insert(charactersIn: "-._~")
        let body = form.map { "\($0)=\($1.addingPercentEncoding(withAllowedCharacters: allowed) ?? $1)" }.joined(separator: "&")
        let response = try await client.request(.POST, tokenURL, headers: ["Content-Type": "application/x-www-form-urlencoded"], body: Array(body.utf8))
        guard response.status == 200, let token = response.json?["access_token"]?.stringValue else {
            throw BenchmarkError.unexpectedResponse(request: "POST \(tokenURL) for \(clientID)", status: response.status, body: response.text)
        }
        return token
    }
}
