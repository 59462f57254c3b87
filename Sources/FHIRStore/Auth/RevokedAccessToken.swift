public import Foundation

/// An access token revoked before it expired, by its `jti`.
public struct RevokedAccessToken: Sendable, Hashable {
    /// The token's `jti` claim.
    public var jti: String
    /// The token's own expiry: after it the token is refused anyway and the row may go.
    public var expiresAt: Date
    /// When the token was revoked, by the database's clock.
    public var revokedAt: Date

    /// A revoked token.
    public init(jti: String, expiresAt: Date, revokedAt: Date) {
        self.jti = jti
        self.expiresAt = expiresAt
        self.revokedAt = revokedAt
    }
}

/// The access tokens revoked since a moment, for nodes that keep a cache of revocations.
///
/// ```swift
/// let batch = try await auth.revocations(since: since)
/// for token in batch.tokens { revoked[token.jti] = token.expiresAt }
/// since = batch.checkedAt.addingTimeInterval(-AuthStore.pollingOverlap)
/// ```
public struct RevocationBatch: Sendable, Hashable {
    /// The tokens revoked at or after the moment asked for, that have not expired.
    public var tokens: [RevokedAccessToken]
    /// The database's clock when they were read: the `since` of the next poll, less
    /// ``AuthStore/pollingOverlap``.
    public var checkedAt: Date

    /// A batch.
    public init(tokens: [RevokedAccessToken], checkedAt: Date) {
        self.tokens = tokens
        self.checkedAt = checkedAt
    }
}
