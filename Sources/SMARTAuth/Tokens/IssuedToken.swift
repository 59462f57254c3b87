/// A signed token and the claims it carries.
public struct IssuedToken<Claims: Sendable & Hashable>: Sendable, Hashable {
    /// The compact JWS: what the client receives.
    public let token: String
    /// What the token says, dates in whole seconds as signed.
    public let claims: Claims
}
