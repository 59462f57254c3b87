public import Foundation
import Logging
import PostgresNIO

extension AuthStore {
    /// How far back a poller should start its next ``clientsChanged(since:)`` or
    /// ``revocations(since:)`` before the previous `checkedAt`: 60 seconds. A change is stamped
    /// when its statement runs and seen when it commits, so a poll can miss a change stamped just
    /// before it; overlapping polls see it the next time. Seeing a change twice is harmless.
    public static let pollingOverlap: TimeInterval = 60

    static let clientColumns = """
        client_id, kind, secret_hash, jwks::text, redirect_uris, scope, role, name, created_at, revoked_at,
        purpose, allowed_purposes, organization, project
        """

    /// Registers a client. Throws ``AuthStoreError/clientExists(_:)`` when its id is taken, also
    /// by a removed client, and ``ResearchProjectError/projectNotFound(_:)`` when it names a
    /// project that does not exist.
    public func addClient(_ record: ClientRecord) async throws {
        let inserted = try await Self.namingProject(record.project) {
            let rows = try await client.query(
                """
                INSERT INTO auth_client (client_id, kind, secret_hash, jwks, redirect_uris, scope, role, name, created_at, changed_at,
                                         purpose, allowed_purposes, organization, project)
                VALUES (\(record.clientID), \(record.kind.rawValue), \(record.secretHash), \(record.jwks)::jsonb,
                        \(record.redirectURIs), \(record.scope), \(record.role), \(record.name),
                        \(PostgresTimestamp(record.createdAt)), clock_timestamp(),
                        \(record.purpose), \(record.allowedPurposes), \(record.organization), \(record.project))
                ON CONFLICT (client_id) DO NOTHING
                RETURNING client_id
                """,
                logger: logger
            )
            var inserted = false
            for try await _ in rows.decode(String.self) { inserted = true }
            return inserted
        }
        guard inserted else { throw AuthStoreError.clientExists(record.clientID) }
    }

    /// The active client with this id; nil when there is none or it was removed.
    public func client(id: String) async throws -> ClientRecord? {
        try await client(id: id, includeRemoved: false)
    }

    /// The client with this id, removed ones too when `includeRemoved`.
    public func client(id: String, includeRemoved: Bool) async throws -> ClientRecord? {
        let rows = try await client.query(
            """
            SELECT \(unescaped: Self.clientColumns) FROM auth_client
            WHERE client_id = \(id) AND (\(includeRemoved) OR revoked_at IS NULL)
            """,
            logger: logger
        )
        return try await Self.decodeClients(rows).first
    }

    /// Every client, ordered by id; removed ones too when `includeRemoved`.
    public func clients(includeRemoved: Bool = false) async throws -> [ClientRecord] {
        let rows = try await client.query(
            """
            SELECT \(unescaped: Self.clientColumns) FROM auth_client
            WHERE \(includeRemoved) OR revoked_at IS NULL ORDER BY client_id
            """,
            logger: logger
        )
        return try await Self.decodeClients(rows)
    }

    /// Removes a client: it is refused from now on, on every node, its refresh tokens are revoked
    /// and its unredeemed codes deleted, in one transaction. Returns the number of refresh tokens
    /// revoked, or nil when no active client has this id.
    @discardableResult
    public func removeClient(id: String) async throws -> Int? {
        let logger = self.logger
        return try await withTransaction { connection in
            let removed = try await connection.query(
                """
                UPDATE auth_client SET revoked_at = clock_timestamp(), changed_at = clock_timestamp()
                WHERE client_id = \(id) AND revoked_at IS NULL RETURNING client_id
                """,
                logger: logger
            )
            var found = false
            for try await _ in removed.decode(String.self) { found = true }
            guard found else { return nil }
            return try await Self.endGrants(of: .client(id), on: connection, logger: logger)
        }
    }

    /// The clients registered or removed at or after `since`, and the database's clock now.
    public func clientsChanged(since: Date) async throws -> ClientChanges {
        let logger = self.logger
        return try await client.withConnection { connection in
            let checkedAt = try await Self.databaseNow(connection, logger: logger)
            return try await Self.clientsChanged(since: since, checkedAt: checkedAt, on: connection, logger: logger)
        }
    }

    /// ``clientsChanged(since:)`` on `connection`, with the clock read at `checkedAt`.
    static func clientsChanged(since: Date, checkedAt: Date, on connection: PostgresConnection, logger: Logger) async throws -> ClientChanges {
        let rows = try await connection.query(
            """
            SELECT \(unescaped: Self.clientColumns) FROM auth_client
            WHERE changed_at >= \(PostgresTimestamp(since)) ORDER BY changed_at, client_id
            """,
            logger: logger
        )
        return ClientChanges(clients: try await Self.decodeClients(rows), checkedAt: checkedAt)
    }

    static func decodeClients(_ rows: PostgresRowSequence) async throws -> [ClientRecord] {
        var clients: [ClientRecord] = []
        let columns = (String, String, String?, String?, [String], String, String?, String?, Date, Date?, String?, [String], String?, String?).self
        for try await (id, kind, secretHash, jwks, redirectURIs, scope, role, name, createdAt, revokedAt, purpose, allowedPurposes, organization, project) in rows.decode(columns) {
            // The table's CHECK allows only the known kinds.
            guard let kind = ClientKind(rawValue: kind) else { continue }
            clients.append(ClientRecord(
                clientID: id, kind: kind, secretHash: secretHash, jwks: jwks, redirectURIs: redirectURIs,
                scope: scope, role: role, name: name, purpose: purpose, allowedPurposes: allowedPurposes, organization: organization,
                project: project, createdAt: createdAt, revokedAt: revokedAt
            ))
        }
        return clients
    }

    /// The database's `clock_timestamp()`: one clock for every node's polling.
    static func databaseNow(_ connection: PostgresConnection, logger: Logger) async throws -> Date {
        var now = Date()
        for try await value in try await connection.query("SELECT clock_timestamp()", logger: logger).decode(Date.self) {
            now = value
        }
        return now
    }
}
