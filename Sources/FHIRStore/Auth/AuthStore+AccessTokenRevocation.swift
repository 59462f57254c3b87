public import Foundation
import Logging
import PostgresNIO

extension AuthStore {
    /// Revokes the access token with this `jti` until `expiresAt`, its own expiry. Revoking a
    /// token twice keeps the first revocation.
    public func revoke(jti: String, expiresAt: Date) async throws {
        try await client.query(
            """
            INSERT INTO auth_revoked_token (jti, expires_at, revoked_at)
            VALUES (\(jti), \(PostgresTimestamp(expiresAt)), clock_timestamp())
            ON CONFLICT (jti) DO NOTHING
            """,
            logger: logger
        )
    }

    /// Whether the access token with this `jti` was revoked.
    public func isRevoked(jti: String) async throws -> Bool {
        let rows = try await client.query("SELECT count(*) FROM auth_revoked_token WHERE jti = \(jti)", logger: logger)
        var revoked = false
        for try await count in rows.decode(Int.self) { revoked = count > 0 }
        return revoked
    }

    /// The unexpired access tokens revoked at or after `since`, oldest revocation first, and the
    /// database's clock now. Pass `.distantPast` to load every current revocation.
    public func revocations(since: Date) async throws -> RevocationBatch {
        let logger = self.logger
        return try await client.withConnection { connection in
            let checkedAt = try await Self.databaseNow(connection, logger: logger)
            return try await Self.revocations(since: since, checkedAt: checkedAt, on: connection, logger: logger)
        }
    }

    /// ``revocations(since:)`` on `connection`, with the clock read at `checkedAt`.
    static func revocations(since: Date, checkedAt: Date, on connection: PostgresConnection, logger: Logger) async throws -> RevocationBatch {
        let rows = try await connection.query(
            """
            SELECT jti, expires_at, revoked_at FROM auth_revoked_token
            WHERE revoked_at >= \(PostgresTimestamp(since)) AND expires_at > \(PostgresTimestamp(checkedAt))
            ORDER BY revoked_at, jti
            """,
            logger: logger
        )
        var tokens: [RevokedAccessToken] = []
        for try await (jti, expiresAt, revokedAt) in rows.decode((String, Date, Date).self) {
            tokens.append(RevokedAccessToken(jti: jti, expiresAt: expiresAt, revokedAt: revokedAt))
        }
        return RevocationBatch(tokens: tokens, checkedAt: checkedAt)
    }
}
