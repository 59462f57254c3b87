public import Foundation

/// A client assertion that authenticated its client. The caller must refuse a second use of
/// the same ``tokenID`` by the same client: keep each seen (client id, `jti`) until
/// ``expiresAt`` (plus the leeway) and answer `invalid_client` when one comes again.
public struct VerifiedClientAssertion: Sendable, Hashable {
    /// The authenticated client id (`iss` = `sub`).
    public let clientID: String
    /// `jti`: unique per assertion.
    public let tokenID: String
    /// `exp`: how long the `jti` must be remembered (at most five minutes ahead).
    public let expiresAt: Date
    /// The `kid` of the registered key that signed it.
    public let keyID: String

    /// A verified assertion's content.
    public init(clientID: String, tokenID: String, expiresAt: Date, keyID: String) {
        self.clientID = clientID
        self.tokenID = tokenID
        self.expiresAt = expiresAt
        self.keyID = keyID
    }
}
