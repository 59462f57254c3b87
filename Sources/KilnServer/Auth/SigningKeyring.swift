public import FHIRStore
import Synchronization
public import SMARTAuth

/// The authorization server's signing keys, shared by every node through the database: the
/// current key signs, every unretired key verifies.
public final class SigningKeyring: Sendable {
    private let keys = Mutex<[ServerSigningKey]>([])

    /// An empty keyring; ``load(from:)`` fills it before the server starts.
    public init() {}

    /// A keyring holding `keys`, the first signing (for tests).
    public init(keys: [ServerSigningKey]) {
        self.keys.withLock { $0 = keys }
    }

    /// Loads the stored keys, storing a new key first when there is none; nodes starting
    /// together agree on one key.
    public func load(from store: AuthStore) async throws {
        var current = try await store.currentSigningKey()
        if current == nil {
            let generated = ServerSigningKey.generate()
            current = try await store.storeSigningKey(kid: generated.keyID, privateKeyPEM: generated.pemRepresentation)
        }
        var loaded: [ServerSigningKey] = []
        if let current { loaded.append(try ServerSigningKey(pemRepresentation: current.privateKeyPEM)) }
        for record in try await store.signingKeys() where record.kid != current?.kid {
            loaded.append(try ServerSigningKey(pemRepresentation: record.privateKeyPEM))
        }
        keys.withLock { $0 = loaded }
    }

    /// The key that signs new tokens; nil before ``load(from:)``.
    public var signingKey: ServerSigningKey? {
        keys.withLock { $0.first }
    }

    /// Every key that verifies tokens.
    public var verificationKeys: [ServerSigningKey] {
        keys.withLock { $0 }
    }
}
