/// Why a JWS was refused before its claims' meaning was looked at: the failures that
/// ``TokenError`` and ``ClientAssertionError`` share, each turned into its own case there.
enum JWSFailure: Error, Sendable, Hashable {
    case malformed(reason: String)
    case algorithmNotAllowed(algorithm: String)
    case algorithmMismatch(algorithm: String, keyID: String?)
    case unknownKey(keyID: String?)
    case badSignature
    case missingClaim(name: String)
    case invalidClaim(name: String, reason: String)
}
