import Foundation
import PostgresNIO

extension AuthStore {
    static let signingKeyColumns = "kid, private_key_pem, created_at, retired_at"

    /// The key that signs now; nil before any was stored.
    public func currentSigningKey() async throws -> SigningKeyRecord? {
        let rows = try await client.query(
            "SELECT \(unescaped: Self.signingKeyColumns) FROM auth_signing_key WHERE retired_at IS NULL",
            logger: logger
        )
        return try await Self.decodeSigningKeys(rows).first
    }

    /// Stores `kid` and its private key as the current key unless there is one, and returns the
    /// current key: this one, or the one another node stored first. Nodes that start together
    /// thus agree on one key (at most one unretired key can exist).
    ///
    /// ```swift
    /// let key = try await auth.currentSigningKey() ?? auth.storeSigningKey(kid: kid, privateKeyPEM: pem)
    /// ```
    public func storeSigningKey(kid: String, privateKeyPEM: String) async throws -> SigningKeyRecord {
        // A second round is needed only when the current key is retired between the statements.
        for _ in 0..<3 {
            try await client.query(
                """
                INSERT INTO auth_signing_key (kid, private_key_pem, created_at)
                VALUES (\(kid), \(privateKeyPEM), clock_timestamp()) ON CONFLICT DO NOTHING
                """,
                logger: logger
            )
            if let current = try await currentSigningKey() { return current }
        }
        throw AuthStoreError.signingKeyExists(kid)
    }

    /// Every key, current and retired, newest first: the keys to publish in the JWKS.
    public func signingKeys() async throws -> [SigningKeyRecord] {
        let rows = try await client.query(
            "SELECT \(unescaped: Self.signingKeyColumns) FROM auth_signing_key ORDER BY created_at DESC, kid",
            logger: logger
        )
        return try await Self.decodeSigningKeys(rows)
    }

    /// Retires the current key if its id is `kid`, so that ``storeSigningKey(kid:privateKeyPEM:)``
    /// can store a successor. Returns whether it did.
    @discardableResult
    public func retireSigningKey(kid: String) async throws -> Bool {
        let rows = try await client.query(
            "UPDATE auth_signing_key SET retired_at = clock_timestamp() WHERE kid = \(kid) AND retired_at IS NULL RETURNING kid",
            logger: logger
        )
        var retired = false
        for try await _ in rows.decode(String.self) { retired = true }
        return retired
    }

    static func decodeSigningKeys(_ rows: PostgresRowSequence) async throws -> [SigningKeyRecord] {
        var keys: [SigningKeyRecord] = []
        for try await (kid, pem, createdAt, retiredAt) in rows.decode((String, String, Date, Date?).self) {
            keys.append(SigningKeyRecord(kid: kid, privateKeyPEM: pem, createdAt: createdAt, retiredAt: retiredAt))
        }
        return keys
    }
}
