import Foundation
public import Logging
public import PostgresNIO

/// The SMART authorization server's state in PostgreSQL: clients, users, authorization codes,
/// refresh tokens, revoked access tokens, assertion ids, the signing key and launch contexts.
///
/// Every node of a deployment reads and writes the same rows, so a code is redeemed once across
/// all of them, a client removed on one node is refused by the others, and all nodes sign with
/// one key. Codes, refresh tokens and launch values are stored as their ``TokenDigest`` only;
/// passwords and client secrets arrive already hashed with a slow, salted hash.
///
/// ```swift
/// let auth = AuthStore(client: postgres, logger: logger)
/// try await auth.insertCode(record)
/// let code = try await auth.consumeCode(hash: TokenDigest.of(presented), now: Date())  // nil the second time
/// ```
public struct AuthStore: Sendable {
    /// The connection pool.
    public let client: PostgresClient
    let logger: Logger

    /// A store over a running client (the caller runs `client.run()`).
    public init(client: PostgresClient, logger: Logger) {
        self.client = client
        self.logger = logger
    }

    /// Runs `body` in one transaction and rethrows the body's own error unwrapped.
    func withTransaction<Result: Sendable>(_ body: (PostgresConnection) async throws -> Result) async throws -> Result {
        do {
            return try await client.withTransaction(logger: logger) { connection in
                try await body(connection)
            }
        } catch let error as PostgresTransactionError {
            if let closureError = error.closureError, error.beginError == nil, error.rollbackError == nil, error.commitError == nil {
                throw closureError
            }
            throw error
        }
    }
}
