public import Foundation

/// Why a client assertion (`private_key_jwt`) does not authenticate its client. Every case is
/// answered with OAuth's `invalid_client` (``oauthError``), status 401, and ``description`` as
/// `error_description`.
public enum ClientAssertionError: Error, Sendable, Hashable, CustomStringConvertible {
    /// Not a signed JWT (see ``TokenError/malformed(reason:)``).
    case malformed(reason: String)
    /// `alg` is `none` or not one of RS384, ES384, RS256, ES256.
    case algorithmNotAllowed(algorithm: String)
    /// The `kid` names a key that signs with another algorithm than `alg`.
    case algorithmMismatch(algorithm: String, keyID: String?)
    /// The header has no `kid`, which SMART requires.
    case missingKeyID
    /// No registered key has this `kid`.
    case unknownKey(keyID: String?)
    /// The header's `jku` is not the client's registered JWKS URL.
    case keySetURLMismatch(jku: String)
    /// The client's registered key set cannot be used.
    case unusableKeySet(KeySetError)
    /// The signature does not verify with the registered key.
    case badSignature
    /// `iss` and `sub` differ; both must be the client id.
    case issuerSubjectMismatch(issuer: String, subject: String)
    /// `iss` is not the client being authenticated.
    case wrongClient(expected: String, found: String)
    /// `aud` does not name the token endpoint.
    case wrongAudience(audiences: [String])
    /// `exp` has passed, by more than the leeway.
    case expired(at: Date)
    /// `exp` lies further ahead than the maximum lifetime (5 minutes) plus the leeway.
    case lifetimeTooLong(expiresAt: Date, latest: Date)
    /// `nbf` or `iat` lies in the future, by more than the leeway.
    case notYetValid(from: Date)
    /// A required claim (`iss`, `sub`, `aud`, `exp`, `jti`) is absent.
    case missingClaim(name: String)
    /// A claim has the wrong type or an empty value.
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

    /// The OAuth error code for every case: `invalid_client`.
    public var oauthError: String {
        "invalid_client"
    }

    /// What is wrong with the assertion and how the client should build it.
    public var description: String {
        let subject = "The client assertion"
        switch self {
        case .malformed(let reason):
            return "\(subject) is not a signed JWT: \(reason)"
        case .algorithmNotAllowed(let algorithm):
            return "\(subject) is signed with '\(algorithm)'; sign it with RS384 or ES384 (RS256 and ES256 are accepted too)"
        case .algorithmMismatch(let algorithm, let keyID):
            return "\(subject) names the key '\(keyID ?? "")' but the algorithm '\(algorithm)', which that registered key does not sign with"
        case .missingKeyID:
            return "\(subject) has no 'kid' header; name the registered key it is signed with"
        case .unknownKey(let keyID):
            return "\(subject) was signed with the key '\(keyID ?? "")', which is not in the client's registered JWKS; register the key first"
        case .keySetURLMismatch(let jku):
            return "\(subject)'s 'jku' header '\(jku)' is not the client's registered JWKS URL; leave it out or use the registered one"
        case .unusableKeySet(let error):
            return "The client's registered JWKS cannot be used: \(error)"
        case .badSignature:
            return "\(subject)'s signature does not verify with the client's registered key"
        case .issuerSubjectMismatch(let issuer, let subjectClaim):
            return "\(subject)'s 'iss' ('\(issuer)') and 'sub' ('\(subjectClaim)') differ; both must be the client_id"
        case .wrongClient(let expected, let found):
            return "\(subject) is for the client '\(found)', not '\(expected)'; 'iss' and 'sub' must be the client_id"
        case .wrongAudience(let audiences):
            return "\(subject)'s 'aud' (\(audiences.map { "'\($0)'" }.joined(separator: ", "))) is not this server's token endpoint URL"
        case .expired(let date):
            return "\(subject) expired at \(date.formatted(.iso8601)); make a new one for each token request"
        case .lifetimeTooLong(let expiresAt, let latest):
            return "\(subject) expires at \(expiresAt.formatted(.iso8601)); 'exp' may be at most five minutes ahead (no later than \(latest.formatted(.iso8601)))"
        case .notYetValid(let date):
            return "\(subject) is not valid before \(date.formatted(.iso8601)); check the client's clock"
        case .missingClaim(let name):
            return "\(subject) has no '\(name)' claim; it needs iss, sub, aud, exp and jti"
        case .invalidClaim(let name, let reason):
            return "\(subject)'s '\(name)' claim cannot be used: \(reason)"
        }
    }
}
