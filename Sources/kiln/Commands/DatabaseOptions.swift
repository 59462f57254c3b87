import ArgumentParser
import FHIRStore
import Foundation
import Logging
import PostgresNIO

/// Where the database is: an explicit URL, or the embedded cluster of a data directory.
struct DatabaseOptions: ParsableArguments {
    @Option(name: .customLong("database-url"), help: "PostgreSQL URL (postgres://user:password@host:port/db). Default: $DATABASE_URL, else the embedded cluster of --data-dir.")
    var databaseURL: String?

    @Option(name: .customLong("data-dir"), help: "Directory of the embedded PostgreSQL cluster, used when no database URL is given.")
    var dataDirectory: String = ".kiln"

    /// The URL from the flag or the environment.
    var resolvedURL: String? {
        databaseURL ?? ProcessInfo.processInfo.environment["DATABASE_URL"].flatMap { $0.isEmpty ? nil : $0 }
    }

    /// Runs `body` with a running connection pool to the database, starting the embedded cluster
    /// for the duration when no URL is given and it is not already running.
    func withDatabase<Result: Sendable>(
        logger: Logger,
        _ body: @Sendable (PostgresClient, DatabaseConfiguration) async throws -> Result
    ) async throws -> Result {
        let (configuration, lease) = try await connect(logger: logger)
        let client = PostgresClient(configuration: configuration.clientConfiguration, backgroundLogger: logger)
        do {
            let result = try await withThrowingTaskGroup(of: Void.self) { group in
                group.addTask { await client.run() }
                defer { group.cancelAll() }
                return try await body(client, configuration)
            }
            try await lease?.release()
            return result
        } catch {
            try? await lease?.release()
            throw error
        }
    }

    /// The configuration to use and, for the embedded cluster, the lease to release afterwards.
    func connect(logger: Logger) async throws -> (DatabaseConfiguration, EmbeddedPostgres.Lease?) {
        if let url = resolvedURL {
            return (try DatabaseConfiguration(url: url), nil)
        }
        let lease = try await EmbeddedPostgres(dataDirectory: dataDirectory, logger: logger).start()
        let configuration = DatabaseConfiguration(host: lease.host, port: lease.port, username: lease.username, database: lease.database)
        return (configuration, lease)
    }
}
