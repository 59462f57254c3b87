public import Foundation

/// Why a bearer token was refused. Each case is one reason for a 401 response
/// (`WWW-Authenticate: Bearer error="invalid_token"`); ``description`` says what to do.
public enum TokenError: Error, Sendable, Hashable, CustomStringConvertible {
    /// Not a signed JWT: not three base64url parts, a header or payload that is not a JSON
    /// object, no `alg`, a `crit` header, or longer than ``TokenLimits/maximumTokenLength``.
    case malformed(reason: String)
    /// The header's `alg` is `none` or another algorithm this issuer's tokens may not use.
    case algorithmNotAllowed(algorithm: String)
    /// The `kid` names a key that signs with another algorithm than the header's `alg`.
    case algorithmMismatch(algorithm: String, keyID: String?)
    /// No key of the issuer has this `kid` (nil: the token names none and no key fits its `alg`).
    case unknownKey(keyID: String?)
    /// The signature does not verify: the token was changed or signed with another key.
    case badSignature
    /// `exp` has passed, by more than the leeway.
    case expired(at: Date)
    /// `nbf` or `iat` lies in the future, by more than the leeway.
    case notYetValid(from: Date)
    /// `iss` is neither Kiln's issuer nor a configured external issuer.
    case wrongIssuer(issuer: String)
    /// `aud` does not name this server's FHIR base URL.
    case wrongAudience(audiences: [String])
    /// A Kiln token whose `typ` is not `at+jwt`: an id_token or another JWT offered as an access token.
    case wrongType(type: String?)
    /// A claim the token must have is absent.
    case missingClaim(name: String)
    /// A claim has the wrong type or a value Kiln does not accept (an unknown role, several roles).
    case invalidClaim(name: String, reason: String)

    init(_ failure: JWSFailure) {
        switch failure {
        case .malformed(let reason): self = .malformed(reason: reason)
        case .algorithmNotAllowed(let algorithm): self = .algorithmNotAllowed(algorithm: algorithm)
        case .algorithmMismatch(let algorithm, let keyID): self = .algorithmMismatch(algorithm: algorithm, keyID: keyID)
        case .unknownKey(let keyID): self = .unknownKey(keyID: keyID)
        case .badSignature: self = .badSignature
        case .missingClaim(let name): self = .missingClaim(name: name)
        case .invalidClaim(let name, let reason): self = .invalidClaim(name: name, reason: reason)
        }
    }

    /// What is wrong with the token and what the client should do.
    public var description: String {
        switch self {
        case .malformed(let reason):
            return "The bearer token is not a signed JWT: \(reason). Send the access_token from the token response unchanged"
        case .algorithmNotAllowed(let algorithm) where algorithm == "none":
            return "The bearer token is unsigned (alg 'none'); Kiln accepts only signed tokens"
        case .algorithmNotAllowed(let algorithm):
            return "The bearer token is signed with '\(algorithm)', which its issuer's tokens may not use (Kiln's own: ES256; external issuers: \(Self.asymmetricNames))"
        case .algorithmMismatch(let algorithm, let keyID):
            return "The bearer token names the key '\(keyID ?? "")' but the algorithm '\(algorithm)', which that key does not sign with"
        case .unknownKey(let keyID?):
            return "The bearer token was signed with the key '\(keyID)', which its issuer does not publish (any more); get a new token"
        case .unknownKey(nil):
            return "The bearer token names no key ('kid') and none of its issuer's keys fits its algorithm"
        case .badSignature:
            return "The bearer token's signature does not verify: it was altered, or signed with a key other than its issuer's"
        case .expired(let date):
            return "The bearer token expired at \(Self.format(date)); get a new one (refresh it, or authorize again)"
        case .notYetValid(let date):
            return "The bearer token is not valid before \(Self.format(date)); check the clock of the server that issued it"
        case .wrongIssuer(let issuer):
            return "The bearer token was issued by '\(issuer)', which this server does not trust; get a token from this server's authorization server"
        case .wrongAudience(let audiences):
            return "The bearer token is for \(audiences.isEmpty ? "no audience" : audiences.map { "'\($0)'" }.joined(separator: ", ")), not for this FHIR server; ask for a token with aud set to this server's base URL"
        case .wrongType(let type):
            return "The bearer token has type '\(type ?? "none")', not 'at+jwt': it is not an access token (an id_token cannot be used as one)"
        case .missingClaim(let name):
            return "The bearer token has no '\(name)' claim, which Kiln requires"
        case .invalidClaim(let name, let reason):
            return "The bearer token's '\(name)' claim cannot be used: \(reason)"
        }
    }

    private static var asymmetricNames: String {
        JWSAlgorithm.allCases.map(\.rawValue).joined(separator: ", ")
    }

    private static func format(_ date: Date) -> String {
        date.formatted(.iso8601)
    }
}
