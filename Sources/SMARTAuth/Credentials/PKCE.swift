import Crypto

/// Proof Key for Code Exchange (RFC 7636) with the S256 method only, as SMART requires:
/// `code_challenge = BASE64URL(SHA256(ASCII(code_verifier)))`. `plain` is refused.
///
/// ```swift
/// // authorization endpoint
/// try PKCE.validateChallenge(request.codeChallenge, method: request.codeChallengeMethod)
/// // token endpoint, with what was stored for the code
/// try PKCE.verify(verifier: request.codeVerifier, challenge: stored.challenge, method: stored.method)
/// ```
public enum PKCE {
    /// The one method Kiln accepts.
    public static let method = "S256"
    /// The shortest verifier: 43 characters.
    public static let minimumVerifierLength = 43
    /// The longest verifier: 128 characters.
    public static let maximumVerifierLength = 128

    /// The S256 challenge of `verifier`, after checking the verifier's syntax.
    public static func challenge(for verifier: String) throws(PKCEError) -> String {
        try validateVerifier(verifier)
        return Base64URL.encode(SHA256.hash(data: Array(verifier.utf8)))
    }

    /// Checks an authorization request's `code_challenge` and `code_challenge_method`.
    public static func validateChallenge(_ challenge: String, method: String?) throws(PKCEError) {
        guard method == Self.method else { throw .unsupportedMethod(method) }
        guard challenge.utf8.count == 43, Base64URL.decode(challenge)?.count == 32 else { throw .invalidChallenge }
    }

    /// Checks a token request's `code_verifier` against the challenge and method stored with the
    /// authorization code. The comparison takes the same time wherever the values differ.
    public static func verify(verifier: String, challenge: String, method: String?) throws(PKCEError) {
        try validateChallenge(challenge, method: method)
        let computed = try Self.challenge(for: verifier)
        guard ConstantTime.equal(Array(computed.utf8), Array(challenge.utf8)) else { throw .mismatch }
    }

    /// A new random verifier: 43 characters (256 bits), for clients and tests.
    public static func makeVerifier() -> String {
        RandomToken.make(byteCount: 32)
    }

    private static func validateVerifier(_ verifier: String) throws(PKCEError) {
        let length = verifier.unicodeScalars.count
        guard length >= minimumVerifierLength else { throw .invalidVerifier(reason: "has \(length) characters, fewer than \(minimumVerifierLength)") }
        guard length <= maximumVerifierLength else { throw .invalidVerifier(reason: "has \(length) characters, more than \(maximumVerifierLength)") }
        if let bad = verifier.unicodeScalars.first(where: { !isUnreserved($0) }) {
            throw .invalidVerifier(reason: "contains '\(bad.escaped(asASCII: true))'")
        }
    }

    /// RFC 3986's unreserved characters, which a verifier is made of.
    private static func isUnreserved(_ scalar: Unicode.Scalar) -> Bool {
        scalar.isASCIILetter || scalar.isASCIIDigit || scalar == "-" || scalar == "." || scalar == "_" || scalar == "~"
    }
}
