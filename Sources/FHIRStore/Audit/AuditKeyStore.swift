public import FHIRAudit
import Foundation
public import Logging
import NIOCore
public import PostgresNIO

/// The keys that sign audit checkpoints, in PostgreSQL (see ``AuditKeyTables``): the current
/// one, made on first use, and every public key, to verify and to publish.
///
/// ```swift
/// let keys = AuditKeyStore(client: postgres, logger: logger)
/// let key = try await keys.currentKey()          // the same on every node
/// let published = try await keys.publicKeys()    // for GET /audit/keys and `kiln audit verify`
/// ```
public struct AuditKeyStore: Sendable {
    /// The connection pool.
    public let client: PostgresClient
    let logger: Logger

    /// A store over a running client (the caller runs `client.run()`).
    public init(client: PostgresClient, logger: Logger) {
        self.client = client
        self.logger = logger
    }

    /// The key that signs new checkpoints: the newest stored, or a new one stored now when
    /// there is none. Nodes asking at once agree on one key: each tries to store its own as
    /// generation 1, one succeeds, and all read that one back.
    public func currentKey() async throws -> AuditSigningKey {
        if let stored = try await storedCurrentKey() { return stored }
        let generated = AuditSigningKey.generate()
        try await client.query(
            """
            INSERT INTO audit_checkpoint_key (generation, kid, public_key, private_key_pem, created_at)
            VALUES (1, \(generated.keyID), \(ByteBuffer(bytes: generated.publicKey.x963Representation)), \(generated.pemRepresentation), clock_timestamp())
            ON CONFLICT DO NOTHING
            """,
            logger: logger
        )
        guard let stored = try await storedCurrentKey() else { throw AuditKeyStoreError.noKey }
        return stored
    }

    /// Every key's public half, oldest first. Each key's id is computed from the key, whatever
    /// the `kid` column says.
    public func publicKeys() async throws -> [AuditPublicKey] {
        let rows = try await client.query("SELECT generation, public_key FROM audit_checkpoint_key ORDER BY generation", logger: logger)
        var keys: [AuditPublicKey] = []
        for try await (generation, point) in rows.decode((Int32, ByteBuffer).self) {
            do {
                keys.append(try AuditPublicKey(x963Representation: Array(buffer: point)))
            } catch {
                throw AuditKeyStoreError.unreadableKey(generation: Int(generation), reason: error.description)
            }
        }
        return keys
    }

    /// The key of the highest generation, nil when there is none.
    private func storedCurrentKey() async throws -> AuditSigningKey? {
        let rows = try await client.query(
            "SELECT generation, public_key, private_key_pem FROM audit_checkpoint_key ORDER BY generation DESC LIMIT 1",
            logger: logger
        )
        for try await (generation, point, pem) in rows.decode((Int32, ByteBuffer, String).self) {
            let key: AuditSigningKey
            do {
                key = try AuditSigningKey(pemRepresentation: pem)
            } catch {
                throw AuditKeyStoreError.unreadableKey(generation: Int(generation), reason: error.description)
            }
            guard key.publicKey.x963Representation == Array(buffer: point) else {
                throw AuditKeyStoreError.unreadableKey(generation: Int(generation), reason: "the private key does not belong to the stored public key")
            }
            return key
        }
        return nil
    }
}

/// Why the checkpoint key store failed.
public enum AuditKeyStoreError: Error, Sendable, Hashable, CustomStringConvertible {
    /// No key could be stored or read back.
    case noKey
    /// A stored key cannot be read, or its halves do not match.
    case unreadableKey(generation: Int, reason: String)

    /// The problem, for a person.
    public var description: String {
        switch self {
        case .noKey: "No audit checkpoint key could be stored; run the migrations"
        case let .unreadableKey(generation, reason): "The audit checkpoint key of generation \(generation) cannot be read: \(reason)"
        }
    }
}
