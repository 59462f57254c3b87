/// Why a PKCE challenge or verifier is refused: `invalid_request` at the authorization
/// endpoint, `invalid_grant` at the token endpoint.
public enum PKCEError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The method is not `S256` (nil: absent, which RFC 7636 reads as `plain`).
    case unsupportedMethod(String?)
    /// The challenge is not 43 base64url characters (a SHA-256 digest).
    case invalidChallenge
    /// The verifier is not 43–128 characters of `A`–`Z`, `a`–`z`, `0`–`9`, `-`, `.`, `_`, `~`.
    case invalidVerifier(reason: String)
    /// The verifier's S256 hash is not the challenge the authorization request sent.
    case mismatch

    /// What is wrong and what the client should do.
    public var description: String {
        switch self {
        case .unsupportedMethod(nil):
            "code_challenge_method is missing, which means 'plain'; Kiln accepts only S256"
        case .unsupportedMethod(let method?):
            "code_challenge_method '\(method)' is not supported; Kiln accepts only S256"
        case .invalidChallenge:
            "code_challenge must be the base64url SHA-256 hash of the code_verifier: 43 characters of A-Z, a-z, 0-9, '-' and '_'"
        case .invalidVerifier(let reason):
            "code_verifier \(reason); it must be 43 to 128 characters of A-Z, a-z, 0-9, '-', '.', '_' and '~'"
        case .mismatch:
            "code_verifier does not match the code_challenge of the authorization request"
        }
    }
}
