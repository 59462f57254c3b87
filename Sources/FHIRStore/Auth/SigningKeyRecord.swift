public import Foundation

/// A private key the authorization server signs tokens with, shared by every node.
public struct SigningKeyRecord: Sendable, Hashable {
    /// The key id, the `kid` of the JWS header and of the published JWK.
    public var kid: String
    /// The private key, PEM-encoded.
    public var privateKeyPEM: String
    /// When the key was stored.
    public var createdAt: Date
    /// When the key stopped signing; a retired key is still published while tokens it signed
    /// may be valid. Nil for the current key.
    public var retiredAt: Date?

    /// A key record.
    public init(kid: String, privateKeyPEM: String, createdAt: Date, retiredAt: Date? = nil) {
        self.kid = kid
        self.privateKeyPEM = privateKeyPEM
        self.createdAt = createdAt
        self.retiredAt = retiredAt
    }
}
