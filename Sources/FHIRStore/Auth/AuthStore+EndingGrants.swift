import Logging
import PostgresNIO

extension AuthStore {
    /// Whose grants end: a removed client's or a removed user's.
    enum GrantHolder {
        case client(String)
        case user(String)
    }

    /// Revokes the holder's refresh tokens and deletes their unredeemed codes, on `connection`
    /// (inside the removal's transaction); returns the number of refresh tokens revoked.
    static func endGrants(of holder: GrantHolder, on connection: PostgresConnection, logger: Logger) async throws -> Int {
        let (column, value) = switch holder {
        case .client(let id): ("client_id", id)
        case .user(let username): ("username", username)
        }
        let revoked = try await connection.query(
            """
            UPDATE auth_refresh_token SET revoked_at = clock_timestamp()
            WHERE \(unescaped: column) = \(value) AND revoked_at IS NULL RETURNING token_hash
            """,
            logger: logger
        )
        var count = 0
        for try await _ in revoked.decode(String.self) { count += 1 }
        try await connection.query("DELETE FROM auth_code WHERE \(unescaped: column) = \(value) AND used_at IS NULL", logger: logger)
        return count
    }
}
