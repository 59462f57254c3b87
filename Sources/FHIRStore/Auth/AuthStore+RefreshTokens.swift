public import Foundation
import Logging
import PostgresNIO

extension AuthStore {
    static let refreshTokenColumns = """
        token_hash, grant_id, client_id, username, scope, patient, fhir_user, purpose, created_at, expires_at, rotated_at, revoked_at
        """

    /// Stores a newly issued refresh token and returns whether it is usable. A token of a grant
    /// that is revoked already — one of its tokens was revoked, or its code was presented again —
    /// is stored revoked and false is returned: the caller answers `invalid_grant` instead of
    /// handing it out.
    @discardableResult
    public func insertRefreshToken(_ record: RefreshTokenRecord) async throws -> Bool {
        let rows = try await client.query(
            """
            INSERT INTO auth_refresh_token (token_hash, grant_id, client_id, username, scope, patient, fhir_user, purpose, created_at, expires_at, revoked_at)
            SELECT \(record.tokenHash), \(record.grantID), \(record.clientID), \(record.username), \(record.scope),
                   \(record.patient), \(record.fhirUser), \(record.purpose), \(PostgresTimestamp(record.createdAt)), \(record.expiresAt.map(PostgresTimestamp.init)),
                   CASE WHEN EXISTS (SELECT 1 FROM auth_refresh_token WHERE grant_id = \(record.grantID) AND revoked_at IS NOT NULL)
                          OR EXISTS (SELECT 1 FROM auth_code WHERE code_hash = \(record.grantID) AND reused_at IS NOT NULL)
                        THEN clock_timestamp() END
            RETURNING revoked_at IS NULL
            """,
            logger: logger
        )
        var usable = false
        for try await value in rows.decode(Bool.self) { usable = value }
        return usable
    }

    /// The refresh token with this hash when `clientID` may use it at `now`: it is that client's,
    /// not expired, not revoked and not rotated. With `rotate`, it is also marked rotated, so it
    /// is used once (the caller issues a successor with the same ``RefreshTokenRecord/grantID``);
    /// of concurrent rotations of one token exactly one succeeds.
    ///
    /// A rotated token presented again means it leaked: its whole grant is revoked and nil is
    /// returned. A token presented by another client is refused and left as it is.
    public func useRefreshToken(hash: String, clientID: String, rotate: Bool, now: Date = Date()) async throws -> RefreshTokenRecord? {
        let rows: PostgresRowSequence
        if rotate {
            rows = try await client.query(
                """
                UPDATE auth_refresh_token SET rotated_at = \(PostgresTimestamp(now))
                WHERE token_hash = \(hash) AND client_id = \(clientID) AND revoked_at IS NULL AND rotated_at IS NULL
                  AND (expires_at IS NULL OR expires_at > \(PostgresTimestamp(now)))
                RETURNING \(unescaped: Self.refreshTokenColumns)
                """,
                logger: logger
            )
        } else {
            rows = try await client.query(
                """
                SELECT \(unescaped: Self.refreshTokenColumns) FROM auth_refresh_token
                WHERE token_hash = \(hash) AND client_id = \(clientID) AND revoked_at IS NULL AND rotated_at IS NULL
                  AND (expires_at IS NULL OR expires_at > \(PostgresTimestamp(now)))
                """,
                logger: logger
            )
        }
        if let token = try await Self.decodeRefreshTokens(rows).first { return token }
        try await client.query(
            """
            UPDATE auth_refresh_token SET revoked_at = clock_timestamp()
            WHERE revoked_at IS NULL AND grant_id IN (
                SELECT grant_id FROM auth_refresh_token
                WHERE token_hash = \(hash) AND client_id = \(clientID) AND rotated_at IS NOT NULL
            )
            """,
            logger: logger
        )
        return nil
    }

    /// Revokes the refresh token with this hash, if it is `clientID`'s, and every other refresh
    /// token of its grant (RFC 7009 §2.1). Returns whether the token was found.
    @discardableResult
    public func revokeRefreshToken(hash: String, clientID: String) async throws -> Bool {
        let rows = try await client.query(
            """
            WITH target AS (
                SELECT grant_id FROM auth_refresh_token WHERE token_hash = \(hash) AND client_id = \(clientID)
            ), revoked AS (
                UPDATE auth_refresh_token SET revoked_at = clock_timestamp()
                WHERE revoked_at IS NULL AND grant_id IN (SELECT grant_id FROM target)
            )
            SELECT count(*) FROM target
            """,
            logger: logger
        )
        var found = false
        for try await count in rows.decode(Int.self) { found = count > 0 }
        return found
    }

    /// The refresh tokens of a grant, oldest first, for audits and tests.
    public func refreshTokens(grantID: String) async throws -> [RefreshTokenRecord] {
        let rows = try await client.query(
            """
            SELECT \(unescaped: Self.refreshTokenColumns) FROM auth_refresh_token
            WHERE grant_id = \(grantID) ORDER BY created_at, token_hash
            """,
            logger: logger
        )
        return try await Self.decodeRefreshTokens(rows)
    }

    static func decodeRefreshTokens(_ rows: PostgresRowSequence) async throws -> [RefreshTokenRecord] {
        var tokens: [RefreshTokenRecord] = []
        let columns = (String, String, String, String?, String, String?, String?, String?, Date, Date?, Date?, Date?).self
        for try await (hash, grant, clientID, username, scope, patient, fhirUser, purpose, createdAt, expiresAt, rotatedAt, revokedAt) in rows.decode(columns) {
            tokens.append(RefreshTokenRecord(
                tokenHash: hash, grantID: grant, clientID: clientID, username: username, scope: scope, patient: patient,
                fhirUser: fhirUser, purpose: purpose, createdAt: createdAt, expiresAt: expiresAt, rotatedAt: rotatedAt, revokedAt: revokedAt
            ))
        }
        return tokens
    }
}
