/// An OpenID Connect provider whose access tokens Kiln accepts beside its own: its issuer URL,
/// its keys (the JWKS its `jwks_uri` serves, fetched and refreshed by the caller), and where
/// its tokens carry scopes, role, patient and fhirUser.
///
/// ```swift
/// let hospital = try ExternalIssuer(issuer: "https://login.hospital.example/realms/clinic", jwksJSON: fetched)
/// let verifier = TokenVerifier(issuer: kilnIssuer, audience: fhirBase, serverKeys: [key], externalIssuers: [hospital])
/// ```
public struct ExternalIssuer: Sendable {
    /// The issuer URL, compared exactly with a token's `iss`.
    public let issuer: String
    /// The issuer's signing keys.
    public let keys: VerificationKeySet
    /// Where its tokens carry Kiln's claims.
    public let claims: ExternalClaimMapping
    /// Whether a token without a role claim is refused (the default). A token without a role is
    /// otherwise a system client's, whose scopes alone decide; allow that only for an issuer
    /// that issues tokens to backend services Kiln should trust as such.
    public let requiresRole: Bool

    /// An issuer with keys already read.
    public init(issuer: String, keys: VerificationKeySet, claims: ExternalClaimMapping = ExternalClaimMapping(), requiresRole: Bool = true) {
        self.issuer = issuer
        self.keys = keys
        self.claims = claims
        self.requiresRole = requiresRole
    }

    /// An issuer whose keys are the JWKS `jwksJSON`.
    public init(issuer: String, jwksJSON: String, claims: ExternalClaimMapping = ExternalClaimMapping(), requiresRole: Bool = true) throws(KeySetError) {
        self.init(issuer: issuer, keys: try VerificationKeySet(jwksJSON: jwksJSON), claims: claims, requiresRole: requiresRole)
    }
}
