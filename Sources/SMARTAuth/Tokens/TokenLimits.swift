/// The time limits and sizes that token issuing and verification work within, each with its
/// default. Callers may pass other values where an initialiser takes one.
public enum TokenLimits {
    /// How far the clocks of issuer and verifier may disagree: 60 seconds. A token is still
    /// accepted this long after its `exp`, and its `nbf` and `iat` may lie this far in the future.
    public static let clockLeeway: Duration = .seconds(60)
    /// How long an access token for a user (authorization code or refresh grant) lives: 1 hour.
    public static let accessTokenLifetime: Duration = .seconds(3600)
    /// How long an access token for a backend service lives: 5 minutes, the value SMART Backend
    /// Services recommends.
    public static let backendAccessTokenLifetime: Duration = .seconds(300)
    /// How long an OpenID Connect id_token lives: 1 hour.
    public static let idTokenLifetime: Duration = .seconds(3600)
    /// How far in the future a client assertion's `exp` may lie: 5 minutes, as SMART requires.
    public static let clientAssertionMaximumLifetime: Duration = .seconds(300)
    /// The longest token string Kiln parses: 32 KiB. Longer ones are refused as malformed
    /// before any decoding.
    public static let maximumTokenLength = 32_768
}
