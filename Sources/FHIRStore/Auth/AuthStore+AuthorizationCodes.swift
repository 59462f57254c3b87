public import Foundation
import Logging
import PostgresNIO

extension AuthStore {
    /// Stores a newly issued authorization code.
    public func insertCode(_ record: AuthorizationCodeRecord) async throws {
        try await client.query(
            """
            INSERT INTO auth_code (code_hash, client_id, username, redirect_uri, scope, code_challenge, patient, launch, nonce, purpose, created_at, expires_at)
            VALUES (\(record.codeHash), \(record.clientID), \(record.username), \(record.redirectURI), \(record.scope),
                    \(record.codeChallenge), \(record.patient), \(record.launch), \(record.nonce), \(record.purpose),
                    \(PostgresTimestamp(record.createdAt)), \(PostgresTimestamp(record.expiresAt)))
            """,
            logger: logger
        )
    }

    /// Redeems a code: marks it used and returns it, when it exists, has not been used and has
    /// not expired at `now`. Of concurrent redemptions of one code exactly one succeeds.
    ///
    /// A code presented again after it was redeemed means it leaked: per RFC 6749 §4.1.2 the
    /// refresh tokens issued from it (those whose ``RefreshTokenRecord/grantID`` is the code's
    /// hash, rotated successors included) are revoked, also those stored afterwards, and nil is
    /// returned.
    public func consumeCode(hash: String, now: Date = Date()) async throws -> AuthorizationCodeRecord? {
        let rows = try await client.query(
            """
            UPDATE auth_code SET used_at = \(PostgresTimestamp(now))
            WHERE code_hash = \(hash) AND used_at IS NULL AND expires_at > \(PostgresTimestamp(now))
            RETURNING code_hash, client_id, username, redirect_uri, scope, code_challenge, patient, launch, nonce, purpose, created_at, expires_at, used_at
            """,
            logger: logger
        )
        var consumed: AuthorizationCodeRecord?
        let columns = (String, String, String, String, String, String?, String?, String?, String?, String?, Date, Date, Date?).self
        for try await (codeHash, clientID, username, redirectURI, scope, challenge, patient, launch, nonce, purpose, createdAt, expiresAt, usedAt) in rows.decode(columns) {
            consumed = AuthorizationCodeRecord(
                codeHash: codeHash, clientID: clientID, username: username, redirectURI: redirectURI, scope: scope,
                codeChallenge: challenge, patient: patient, launch: launch, nonce: nonce, purpose: purpose,
                createdAt: createdAt, expiresAt: expiresAt, usedAt: usedAt
            )
        }
        if consumed == nil {
            // A redeemed code presented again: mark it, so that tokens still being issued from it
            // are born revoked, and revoke those issued already.
            try await client.query(
                """
                WITH reused AS (
                    UPDATE auth_code SET reused_at = coalesce(reused_at, clock_timestamp())
                    WHERE code_hash = \(hash) AND used_at IS NOT NULL RETURNING code_hash
                )
                UPDATE auth_refresh_token SET revoked_at = clock_timestamp()
                WHERE grant_id IN (SELECT code_hash FROM reused) AND revoked_at IS NULL
                """,
                logger: logger
            )
        }
        return consumed
    }
}
