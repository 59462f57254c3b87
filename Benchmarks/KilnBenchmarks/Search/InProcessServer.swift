import AsyncHTTPClient
import FHIRAccess
import FHIRStore
import Foundation
import KilnServer
import KilnTesting
import PostgresNIO
import Synchronization

/// What the search and consent benchmarks share: an HTTP client with enough connections, an
/// in-process Kiln over a fresh database of the test cluster, dropped at the end also when the
/// run fails, and the JSON file of the report.
enum InProcessServer {
    /// Runs `body` against an in-process Kiln with `access` (or, with `authorization`, with its
    /// SMART authorization server and bearer tokens on), with an HTTP client of at least
    /// `connections` connections, and returns its result.
    static func run<Result: Sendable>(
        connections: Int,
        access: any AccessController = AllowAllAccessController(),
        authorization: AuthSettings? = nil,
        output: BenchmarkOutput,
        _ body: @escaping @Sendable (TestServer, HTTPClient) async throws -> Result
    ) async throws -> Result {
        var configuration = HTTPClient.Configuration()
        configuration.connectionPool.concurrentHTTP1ConnectionsPerHostSoftLimit = max(32, connections)
        let httpClient = HTTPClient(eventLoopGroup: HTTPClient.defaultEventLoopGroup, configuration: configuration)
        let database = Mutex<DatabaseConfiguration?>(nil)
        do {
            output.line("Starting an in-process Kiln over a fresh database of the test cluster in \(TestCluster.shared.dataDirectory)…")
            let result = try await TestServer.run(databaseConnections: DatabaseConfiguration.defaultMaximumConnections, access: access, authorization: authorization) { server in
                database.withLock { $0 = server.database }
                return try await body(server, httpClient)
            }
            try await httpClient.shutdown()
            return result
        } catch {
            try? await httpClient.shutdown()
            // The test server drops its database only when its body succeeds.
            if let leftover = database.withLock({ $0 }) {
                try? await TestCluster.shared.dropDatabase(leftover)
            }
            throw error
        }
    }

    /// Runs `body` with a client of `server`'s database, with a connection for each of
    /// `loaders` and of the largest of `concurrencies`, and two more.
    static func withDatabaseClient<Result: Sendable>(
        of server: TestServer,
        loaders: Int,
        concurrencies: [Int],
        _ body: @Sendable (PostgresClient) async throws -> Result
    ) async throws -> Result {
        var database = server.database
        database.maximumConnections = max(loaders, concurrencies.max() ?? 1) + 2
        return try await TestCluster.withClient(database, body)
    }

    /// Writes `report` to `path` as indented JSON with sorted keys, and says so.
    static func write(_ report: some Encodable, to path: String, output: BenchmarkOutput) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        try encoder.encode(report).write(to: URL(fileURLWithPath: path), options: .atomic)
        output.line("Figures and plans written to \(path)")
    }
}
