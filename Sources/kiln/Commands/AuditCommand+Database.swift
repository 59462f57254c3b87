import FHIRStore
import Logging
import PostgresNIO

extension DatabaseOptions {
    /// How long the audit commands wait for the database to answer before they call it
    /// unreachable: 15 seconds.
    static let auditConnectTimeout: Duration = .seconds(15)

    /// ``withDatabase(logger:_:)``, first checking within ``auditConnectTimeout`` that the
    /// database answers, so that `kiln audit verify` reports an unreachable database (exit 2)
    /// rather than waiting for it.
    func withReachableDatabase<Result: Sendable>(
        logger: Logger,
        _ body: @Sendable (PostgresClient, DatabaseConfiguration) async throws -> Result
    ) async throws -> Result {
        try await withDatabase(logger: logger) { client, configuration in
            try await Self.checkReachable(client, configuration: configuration, logger: logger)
            return try await body(client, configuration)
        }
    }

    private static func checkReachable(_ client: PostgresClient, configuration: DatabaseConfiguration, logger: Logger) async throws {
        // A refused connection is reported at once (the pool would retry it); a TLS database is
        // left to the pool and the timeout.
        if !configuration.requireTLS {
            do {
                let connection = try await PostgresConnection.connect(
                    configuration: PostgresConnection.Configuration(
                        host: configuration.host, port: configuration.port, username: configuration.username,
                        password: configuration.password, database: configuration.database, tls: .disable),
                    id: 0, logger: logger)
                try await connection.close()
            } catch {
                throw CommandFailure("cannot reach the database at \(configuration): \(String(reflecting: error))")
            }
        }
        try await withThrowingTaskGroup(of: Bool.self) { group in
            group.addTask {
                try await client.query("SELECT 1", logger: logger)
                return true
            }
            group.addTask {
                try await Task.sleep(for: auditConnectTimeout)
                return false
            }
            defer { group.cancelAll() }
            guard try await group.next() == true else {
                throw CommandFailure("the database at \(configuration) did not answer within \(auditConnectTimeout)")
            }
        }
    }
}
