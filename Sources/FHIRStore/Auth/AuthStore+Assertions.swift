public import Foundation
import PostgresNIO

extension AuthStore {
    /// Records the `jti` of a client's authentication assertion (`private_key_jwt`) until
    /// `expiresAt`, the assertion's `exp`, and returns whether it is new. False means the
    /// assertion was presented before — a replay to refuse. Of concurrent presentations of one
    /// assertion exactly one is new.
    public func recordAssertion(clientID: String, jti: String, expiresAt: Date) async throws -> Bool {
        let rows = try await client.query(
            """
            INSERT INTO auth_assertion_jti (client_id, jti, expires_at)
            VALUES (\(clientID), \(jti), \(PostgresTimestamp(expiresAt)))
            ON CONFLICT (client_id, jti) DO NOTHING RETURNING jti
            """,
            logger: logger
        )
        var inserted = false
        for try await _ in rows.decode(String.self) { inserted = true }
        return inserted
    }
}
