/// A JSON Web Signature algorithm Kiln accepts (RFC 7518 names). `none`, the HMAC family and
/// every other name are refused wherever a token is verified.
public enum JWSAlgorithm: String, Sendable, Hashable, CaseIterable {
    /// ECDSA on P-256 with SHA-256: what Kiln signs its own tokens with.
    case es256 = "ES256"
    /// ECDSA on P-384 with SHA-384: one of the two algorithms SMART requires for client assertions.
    case es384 = "ES384"
    /// RSASSA-PKCS1-v1_5 with SHA-256: what most OpenID Connect providers sign with.
    case rs256 = "RS256"
    /// RSASSA-PKCS1-v1_5 with SHA-384: one of the two algorithms SMART requires for client assertions.
    case rs384 = "RS384"

    /// The algorithms of tokens from external OpenID Connect issuers and of client assertions.
    public static let asymmetric: Set<JWSAlgorithm> = Set(allCases)
}
