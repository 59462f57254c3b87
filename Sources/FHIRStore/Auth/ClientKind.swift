/// How a client authenticates at the token endpoint (SMART App Launch 2.0, "client types").
public enum ClientKind: String, Sendable, Hashable, CaseIterable {
    /// No credentials: a browser or native app that proves possession with PKCE only.
    case `public` = "public"
    /// A shared secret (`client_secret_basic` or `client_secret_post`); stored as a slow hash.
    case confidentialSymmetric = "confidential-symmetric"
    /// A JWT signed with a key of the client's registered JWKS (`private_key_jwt`), as SMART
    /// Backend Services clients authenticate.
    case confidentialAsymmetric = "confidential-asymmetric"
}
