public import Foundation
import Logging
import PostgresNIO

/// What a node's cache of revocations reads at each poll: revoked access tokens, changed
/// clients and removed users, each since its own moment.
public struct RevocationChanges: Sendable, Hashable {
    /// The access tokens revoked since the moment asked for.
    public var tokens: RevocationBatch
    /// The clients registered or removed since the moment asked for.
    public var clients: ClientChanges
    /// The users removed since the moment asked for.
    public var users: UserRemovals

    /// Changes.
    public init(tokens: RevocationBatch, clients: ClientChanges, users: UserRemovals) {
        self.tokens = tokens
        self.clients = clients
        self.users = users
    }
}

extension AuthStore {
    /// ``revocations(since:)``, ``clientsChanged(since:)`` and ``usersRemoved(since:)`` at once:
    /// on one connection, with one reading of the database's clock, so that a node's poll is one
    /// lease and four statements rather than three leases and six.
    public func revocationChanges(tokensSince: Date, clientsSince: Date, usersSince: Date) async throws -> RevocationChanges {
        let logger = self.logger
        return try await client.withConnection { connection in
            let checkedAt = try await Self.databaseNow(connection, logger: logger)
            return RevocationChanges(
                tokens: try await Self.revocations(since: tokensSince, checkedAt: checkedAt, on: connection, logger: logger),
                clients: try await Self.clientsChanged(since: clientsSince, checkedAt: checkedAt, on: connection, logger: logger),
                users: try await Self.usersRemoved(since: usersSince, checkedAt: checkedAt, on: connection, logger: logger)
            )
        }
    }
}
