import FHIRModel
import FHIRStore
import Foundation
import KilnServer
import KilnTesting
import NIOHTTP1
import Testing
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Time to revocation across two `kiln serve --auth on` nodes on one database, measured.
///
/// Each node keeps what it knows of revoked access tokens, removed clients and removed users in memory and
/// refreshes it from the database at most every ``KilnServer/AuthSettings/revocationPollInterval``
/// (2 s). A token revoked at node A (`POST /auth/revoke`) is refused there at once and by every
/// other node within the poll interval plus one database round trip; a client removed with
/// `kiln client remove`, or the tokens of a user removed with `kiln user remove`, are refused by
/// every node within the same bound. The tests allow the poll interval plus 2 s of slack (a
/// loaded two-core machine has delayed a round of requests by more than 1 s) and print the
/// measured times.
///
/// Both nodes share one `--base-url`, as nodes behind one load balancer do: a token's issuer and
/// audience are that URL, so a token from one node is valid on the other.
@Suite("Revocation across two nodes", .serialized)
struct RevocationAcrossNodesTests {
    /// The documented bound, the poll interval, plus 2 s of slack for the machine's load.
    static let bound = AuthSettings().revocationPollInterval + .seconds(2)

    @Test("A token revoked at node A is refused by node B within the revocation poll interval")
    func revokedTokenReachesOtherNode() async throws {
        try await TwoNodes.run { nodes in
            let client = try await nodes.registerBackendClient("etl")
            var measured: [Duration] = []
            for trial in 1...3 {
                let token = try await nodes.token(client, from: nodes.a)
                #expect(try await nodes.status(nodes.a, token: token) == 200)
                #expect(try await nodes.status(nodes.b, token: token) == 200)

                let revoke = try await nodes.post(nodes.a, "auth/revoke", [
                    ("token", token), ("token_type_hint", "access_token"),
                    ("client_assertion_type", "urn:ietf:params:oauth:client-assertion-type:jwt-bearer"),
                    ("client_assertion", try client.key.assertion(clientID: client.id, audience: nodes.tokenAudience)),
                ])
                try #require(revoke.status == 200, "revoke: \(revoke.status) \(revoke.text)")
                let revokedAt = ContinuousClock.now
                #expect(try await nodes.status(nodes.a, token: token) == 401, "node A refuses a token it revoked at once")
                let elapsed = try await nodes.untilRefused(nodes.b, token: token, since: revokedAt)
                print("Time to revocation on node B, trial \(trial): \(Self.milliseconds(elapsed)) ms (bound \(Self.milliseconds(Self.bound)) ms)")
                #expect(elapsed <= Self.bound, "node B refused the revoked token after \(elapsed)")
                measured.append(elapsed)
            }
            print("Time to revocation on node B: at most \(Self.milliseconds(measured.max() ?? .zero)) ms over \(measured.count) trials")
        }
    }

    @Test("A client removed with kiln client remove is refused by node B within the revocation poll interval")
    func removedClientReachesOtherNode() async throws {
        try await TwoNodes.run { nodes in
            let client = try await nodes.registerBackendClient("etl")
            let token = try await nodes.token(client, from: nodes.a)
            #expect(try await nodes.status(nodes.a, token: token) == 200)
            #expect(try await nodes.status(nodes.b, token: token) == 200)

            let remove = try await KilnProcess.run(["client", "remove", "--client-id", client.id] + nodes.storage)
            try #require(remove.status == 0, "\(remove.output)")
            let removedAt = ContinuousClock.now
            let elapsed = try await nodes.untilRefused(nodes.b, token: token, since: removedAt)
            print("Time to client removal on node B: \(Self.milliseconds(elapsed)) ms after kiln client remove returned (bound \(Self.milliseconds(Self.bound)) ms)")
            #expect(elapsed <= Self.bound, "node B refused the removed client's token after \(elapsed)")
            #expect(try await nodes.status(nodes.a, token: token) == 401, "node A refuses it too")
            let refused = try await nodes.post(nodes.a, "auth/token", [
                ("grant_type", "client_credentials"), ("scope", "system/*.rs"),
                ("client_assertion_type", "urn:ietf:params:oauth:client-assertion-type:jwt-bearer"),
                ("client_assertion", try client.key.assertion(clientID: client.id, audience: nodes.tokenAudience)),
            ])
            #expect(refused.status == 401, "a removed client gets no new token: \(refused.text)")
        }
    }

    @Test("Two nodes on one --data-dir: the token of a user removed with kiln user remove is refused by node B within the revocation poll interval")
    func removedUserReachesOtherNode() async throws {
        try await TwoNodes.run(sharing: .dataDirectory) { nodes in
            let passwordFile = nodes.folder.appendingPathComponent("pat.password")
            try Data("pat-password\n".utf8).write(to: passwordFile)
            let user = try await KilnProcess.run(["user", "add", "--username", "pat", "--password-file", passwordFile.path, "--role", "patient", "--fhir-user", "Patient/p1"] + nodes.storage)
            try #require(user.status == 0, "kiln user add: \(user.output)")
            let scope = "openid fhirUser launch/patient patient/*.rs"
            let app = try await KilnProcess.run(["client", "add", "--client-id", "app", "--public", "--redirect-uri", "http://localhost:9/callback", "--scope", scope] + nodes.storage)
            try #require(app.status == 0, "kiln client add: \(app.output)")

            var flow = AuthorizationCodeFlow(
                client: KilnClient(baseURL: nodes.a.baseURL, httpClient: .kilnTestingWithoutRedirects),
                serverURL: String(nodes.a.baseURL.dropLast("/fhir".count)), audience: nodes.publicBaseURL
            )
            flow.scope = scope
            let response = try await flow.exchange(try await flow.code(username: "pat", password: "pat-password").code)
            try #require(response.status == 200, "\(response.text)")
            let token = try #require(response.json?["access_token"]?.stringValue)
            #expect(try await nodes.status(nodes.a, token: token) == 200)
            #expect(try await nodes.status(nodes.b, token: token) == 200)

            let remove = try await KilnProcess.run(["user", "remove", "--username", "pat"] + nodes.storage)
            try #require(remove.status == 0, "\(remove.output)")
            let removedAt = ContinuousClock.now
            let elapsed = try await nodes.untilRefused(nodes.b, token: token, since: removedAt)
            print("Time to user removal on node B: \(Self.milliseconds(elapsed)) ms after kiln user remove returned (bound \(Self.milliseconds(Self.bound)) ms)")
            #expect(elapsed <= Self.bound, "node B refused the removed user's token after \(elapsed)")
            #expect(try await nodes.status(nodes.a, token: token) == 401, "node A refuses it too")
        }
    }

    static func milliseconds(_ duration: Duration) -> Int {
        Int(duration.components.seconds * 1000 + duration.components.attoseconds / 1_000_000_000_000_000)
    }
}

/// Two `kiln serve --auth on` processes on one fresh database, behind one public base URL.
struct TwoNodes: Sendable {
    /// How the nodes share their database.
    enum Sharing: Sendable {
        /// `--database-url` of a database of the test cluster.
        case databaseURL
        /// `--data-dir` of a fresh folder: the first node starts the embedded PostgreSQL there,
        /// the second attaches to it.
        case dataDirectory
    }

    /// The arguments that name the nodes' database to other `kiln` commands.
    let storage: [String]
    /// The nodes' own FHIR base URLs (`http://127.0.0.1:PORT/fhir`).
    let a: KilnClient
    let b: KilnClient
    /// The shared public FHIR base URL: the audience of access tokens.
    let publicBaseURL: String
    /// The shared public base URL's token endpoint: the audience of client assertions.
    let tokenAudience: String
    let folder: URL

    /// A registered backend client and its key.
    struct BackendClient: Sendable {
        let id: String
        let key: BackendKey
    }

    static func run(sharing: Sharing = .databaseURL, _ body: @Sendable (TwoNodes) async throws -> Void) async throws {
        let storage: [String]
        let cleanUp: @Sendable () async -> Void
        switch sharing {
        case .databaseURL:
            let database = try await TestCluster.shared.makeDatabase()
            storage = ["--database-url", "postgres://\(database.username)@\(database.host):\(database.port)/\(database.database)"]
            cleanUp = { try? await TestCluster.shared.dropDatabase(database) }
        case .dataDirectory:
            // Under the test cluster's folder, which the postgres user can reach.
            let directory = TestCluster.shared.dataDirectory + "/nodes-\(UInt32.random(in: 0...UInt32.max))"
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o755])
            storage = ["--data-dir", directory]
            cleanUp = {
                _ = try? await KilnProcess.run(["database", "stop", "--data-dir", directory])
                try? FileManager.default.removeItem(atPath: directory)
            }
        }
        let publicURL = "https://kiln.example.org"
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("kiln-revocation-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        func start() async throws -> (KilnProcess, KilnClient) {
            let port = try FreePort.find()
            let process = try await KilnProcess.start(arguments: ["--auth", "on", "--port", "\(port)", "--base-url", publicURL] + storage)
            return (process, KilnClient(baseURL: "http://127.0.0.1:\(port)/fhir"))
        }
        var processes: [KilnProcess] = []
        do {
            let (processA, a) = try await start()
            processes.append(processA)
            let (processB, b) = try await start()
            processes.append(processB)
            let nodes = TwoNodes(storage: storage, a: a, b: b, publicBaseURL: publicURL + "/fhir", tokenAudience: publicURL + "/auth/token", folder: folder)
            try await body(nodes)
        } catch {
            for process in processes.reversed() { await process.kill(SIGTERM) }
            try? FileManager.default.removeItem(at: folder)
            await cleanUp()
            throw error
        }
        // The second node first: the first owns an embedded cluster and stops it.
        for process in processes.reversed() { await process.kill(SIGTERM) }
        try? FileManager.default.removeItem(at: folder)
        await cleanUp()
    }

    /// Registers a system backend client with `kiln client add` and an ES384 key, allowed `scope`.
    func registerBackendClient(_ id: String, scope: String = "system/*.rs") async throws -> BackendClient {
        let key = BackendKey()
        let jwks = folder.appendingPathComponent("\(id).jwks.json")
        try Data(key.jwks.utf8).write(to: jwks)
        let added = try await KilnProcess.run(["client", "add", "--client-id", id, "--jwks-file", jwks.path, "--scope", scope] + storage)
        try #require(added.status == 0, "kiln client add: \(added.output)")
        return BackendClient(id: id, key: key)
    }

    /// A backend-services token for `client` from `node`, of `scope`.
    func token(_ client: BackendClient, from node: KilnClient, scope: String = "system/*.rs") async throws -> String {
        let response = try await post(node, "auth/token", [
            ("grant_type", "client_credentials"), ("scope", scope),
            ("client_assertion_type", "urn:ietf:params:oauth:client-assertion-type:jwt-bearer"),
            ("client_assertion", try client.key.assertion(clientID: client.id, audience: tokenAudience)),
        ])
        try #require(response.status == 200, "token: \(response.status) \(response.text)")
        return try #require(response.json?["access_token"]?.stringValue)
    }

    /// `POST <node>/PATH` of a form.
    func post(_ node: KilnClient, _ path: String, _ fields: [(String, String)]) async throws -> KilnResponse {
        let server = String(node.baseURL.dropLast("/fhir".count))
        return try await node.request(
            .POST, "\(server)/\(path)", headers: ["Content-Type": "application/x-www-form-urlencoded"], body: Array(AuthTestServer.formEncode(fields).utf8)
        )
    }

    /// The status of `GET Patient` with `token` at `node`.
    func status(_ node: KilnClient, token: String) async throws -> Int {
        try await node.get("Patient?_count=1", headers: ["Authorization": "Bearer \(token)"]).status
    }

    /// Polls `node` every 50 ms until it refuses `token` (401), and returns the time from `start`;
    /// gives up after three times the bound.
    func untilRefused(_ node: KilnClient, token: String, since start: ContinuousClock.Instant) async throws -> Duration {
        let limit = RevocationAcrossNodesTests.bound * 3
        while ContinuousClock.now - start < limit {
            let status = try await status(node, token: token)
            if status == 401 { return ContinuousClock.now - start }
            try #require(status == 200, "unexpected status \(status) while polling")
            try await Task.sleep(for: .milliseconds(50))
        }
        Issue.record("still accepted after \(limit)")
        return ContinuousClock.now - start
    }
}

/// A free TCP port on 127.0.0.1, found by binding port 0 and letting it go.
enum FreePort {
    static func find() throws -> Int {
        #if canImport(Glibc)
        let descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        #else
        let descriptor = socket(AF_INET, SOCK_STREAM, 0)
        #endif
        guard descriptor >= 0 else { throw FreePortError() }
        defer { close(descriptor) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = 0
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafeMutablePointer(to: &address) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { socketAddress in
                bind(descriptor, socketAddress, length) == 0 && getsockname(descriptor, socketAddress, &length) == 0
            }
        }
        guard bound else { throw FreePortError() }
        return Int(UInt16(bigEndian: address.sin_port))
    }

    struct FreePortError: Error {}
}
