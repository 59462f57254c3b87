public import FHIRStore
import Foundation
import Logging
public import PostgresNIO

/// The throwaway PostgreSQL cluster shared by every test of one test process.
///
/// It lives in `$KILN_TEST_DATA_DIR` (the test script creates one and stops its cluster
/// afterwards) or, when that is unset, in a per-user folder under the system temp directory, and
/// is started on first use or attached to when already running. Each test server gets a fresh
/// database of its own, so tests run in parallel without seeing each other's data.
public actor TestCluster {
    /// The cluster of this process.
    public static let shared = TestCluster()

    private var base: DatabaseConfiguration?
    private var databaseCounter = 0

    /// The data directory used for the cluster.
    public nonisolated var dataDirectory: String {
        if let directory = ProcessInfo.processInfo.environment["KILN_TEST_DATA_DIR"], !directory.isEmpty {
            return directory
        }
        return NSTemporaryDirectory() + "kiln-test-cluster-\(getuid())"
    }

    /// How to reach the cluster's default database, starting the cluster if needed.
    public func configuration() async throws -> DatabaseConfiguration {
        if let base { return base }
        // Many suites run at once, each server and tool with its own pool: room for all of them.
        let settings = EmbeddedPostgres.Settings(maxConnections: 400)
        let lease = try await EmbeddedPostgres(dataDirectory: dataDirectory, settings: settings, logger: Logger(label: "kiln.test.postgres")).start()
        let configuration = DatabaseConfiguration(host: lease.host, port: lease.port, username: lease.username, database: lease.database, maximumConnections: 8)
        base = configuration
        return configuration
    }

    /// Creates an empty database with a unique name and returns how to reach it.
    public func makeDatabase() async throws -> DatabaseConfiguration {
        let base = try await configuration()
        databaseCounter += 1
        let name = "kiln_test_\(getpid())_\(databaseCounter)_\(UInt32.random(in: 0...UInt32.max))"
        _ = try await Self.withClient(base) { client in
            try await client.query(PostgresQuery(unsafeSQL: "CREATE DATABASE \(name)"))
        }
        return base.with(database: name)
    }

    /// Drops a database made by ``makeDatabase()``.
    public func dropDatabase(_ configuration: DatabaseConfiguration) async throws {
        let base = try await self.configuration()
        _ = try await Self.withClient(base) { client in
            try await client.query(PostgresQuery(unsafeSQL: "DROP DATABASE IF EXISTS \(configuration.database) WITH (FORCE)"))
        }
    }

    /// Runs `body` with a running client for `configuration`.
    public static func withClient<Result: Sendable>(_ configuration: DatabaseConfiguration, _ body: @Sendable (PostgresClient) async throws -> Result) async throws -> Result {
        let client = PostgresClient(configuration: configuration.clientConfiguration)
        return try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask { await client.run() }
            defer { group.cancelAll() }
            return try await body(client)
        }
    }
}
