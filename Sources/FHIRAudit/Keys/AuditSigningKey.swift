public import Crypto

/// The private key that signs checkpoints (ES256, P-256), with the id of its public key. One is
/// kept in the database and shared by every node; its public half is published as a JWK.
///
/// ```swift
/// let key = AuditSigningKey.generate()
/// let checkpoint = try key.sign(treeSize: 50, root: root, chainHead: head, time: now)
/// checkpoint.keyID == key.keyID   // true
/// ```
public struct AuditSigningKey: Sendable {
    /// The private key.
    public let privateKey: P256.Signing.PrivateKey
    /// Its public key and id.
    public let publicKey: AuditPublicKey

    /// The key id, the thumbprint of the public key (``AuditPublicKey/keyID``).
    public var keyID: String { publicKey.keyID }

    /// A key pair from its private key.
    public init(privateKey: P256.Signing.PrivateKey) {
        self.privateKey = privateKey
        self.publicKey = AuditPublicKey(publicKey: privateKey.publicKey)
    }

    /// A new random key pair.
    public static func generate() -> AuditSigningKey {
        AuditSigningKey(privateKey: P256.Signing.PrivateKey())
    }

    /// The key pair stored as PKCS #8 (`BEGIN PRIVATE KEY`) or SEC 1 (`BEGIN EC PRIVATE KEY`) PEM.
    public init(pemRepresentation: String) throws(AuditKeyError) {
        do {
            self.init(privateKey: try P256.Signing.PrivateKey(pemRepresentation: pemRepresentation))
        } catch {
            throw .invalidPEM(String(describing: error))
        }
    }

    /// The private key as PKCS #8 PEM. A secret: never log or serve it.
    public var pemRepresentation: String { privateKey.pemRepresentation }

    /// A checkpoint of these values signed with this key and naming it.
    public func sign(treeSize: Int64, root: AuditDigest, chainHead: AuditDigest, time: Int64) throws(AuditCheckpointError) -> AuditCheckpoint {
        try AuditCheckpoint.signed(treeSize: treeSize, root: root, chainHead: chainHead, time: time, signingKey: privateKey, keyID: keyID)
    }
}
