public import Foundation

/// Verifies the bearer tokens of FHIR requests: Kiln's own access tokens (ES256, signed with a
/// server key, `typ: at+jwt`) and, when configured, access tokens of external OpenID Connect
/// issuers (RS256, RS384, ES256, ES384 keys from their JWKS).
///
/// Checks, in order: the token is three base64url parts of JSON (``TokenError/malformed(reason:)``);
/// `alg` is allowed for tokens at all — never `none` (``TokenError/algorithmNotAllowed(algorithm:)``);
/// `iss` is Kiln or a configured issuer (``TokenError/wrongIssuer(issuer:)``); `kid` names one of
/// that issuer's keys, which fits `alg` (``TokenError/unknownKey(keyID:)``,
/// ``TokenError/algorithmMismatch(algorithm:keyID:)``); the signature holds
/// (``TokenError/badSignature``); `exp` has not passed and `nbf` and `iat` have
/// (``TokenError/expired(at:)``, ``TokenError/notYetValid(from:)``), each with ``leeway``; `aud`
/// names the FHIR base URL (``TokenError/wrongAudience(audiences:)``); then the claims Kiln reads.
/// The key to verify with is chosen by the unverified `iss`; nothing else is read before the
/// signature holds. A `kid` is looked up exactly: an unknown one never falls back to another key.
///
/// ```swift
/// let verifier = TokenVerifier(issuer: "https://kiln.example/auth", audience: "https://kiln.example/fhir", serverKeys: [key])
/// do {
///     let token = try await verifier.verify(bearer)
///     let caller = try token.caller(assignedPatients: assignments[token.subject] ?? [])
/// } catch {
///     // a TokenError: 401, WWW-Authenticate: Bearer error="invalid_token", error_description=error.description
/// }
/// ```
public struct TokenVerifier: Sendable {
    /// Kiln's own issuer URL.
    public let issuer: String
    /// The FHIR base URL every token's `aud` must name (a trailing `/` on either side is ignored).
    public let audience: String
    /// The external issuers whose tokens are accepted too.
    public let externalIssuers: [ExternalIssuer]
    /// How far clocks may disagree; ``TokenLimits/clockLeeway`` (60 s) by default.
    public let leeway: Duration
    let serverKeys: VerificationKeySet

    /// A verifier for Kiln's tokens signed with any of `serverKeys` (the current key and any
    /// retired ones whose tokens may still be live), and for the tokens of `externalIssuers`.
    /// An external issuer with Kiln's own issuer URL is ignored.
    public init(issuer: String, audience: String, serverKeys: [ServerSigningKey], externalIssuers: [ExternalIssuer] = [], leeway: Duration = TokenLimits.clockLeeway) {
        self.issuer = issuer
        self.audience = audience
        self.serverKeys = VerificationKeySet(keys: serverKeys.map(\.verificationKey))
        self.externalIssuers = externalIssuers.filter { $0.issuer != issuer }
        self.leeway = leeway
    }

    /// The content of `token` (the bearer token without `Bearer `), or why it is refused.
    public func verify(_ token: String, now: Date = Date()) async throws(TokenError) -> VerifiedToken {
        do {
            let jws = try CompactJWS(parsing: token)
            _ = try jws.allowedAlgorithm(among: JWSAlgorithm.asymmetric)
            let tokenIssuer = try jws.claims.requiredString("iss")
            let external = tokenIssuer == issuer ? nil : externalIssuers.first { $0.issuer == tokenIssuer }
            if tokenIssuer == issuer {
                try await serverKeys.verifySignature(of: jws, allowed: [.es256])
            } else if let external {
                try await external.keys.verifySignature(of: jws, allowed: JWSAlgorithm.asymmetric)
            } else {
                throw TokenError.wrongIssuer(issuer: tokenIssuer)
            }
            let expiresAt = try checkTimes(jws.claims, now: now)
            try checkAudience(jws.claims)
            if let external {
                return try externalToken(jws, of: external, expiresAt: expiresAt)
            }
            return try ownToken(jws, expiresAt: expiresAt)
        } catch let failure as JWSFailure {
            throw TokenError(failure)
        } catch let error as TokenError {
            throw error
        } catch {
            throw TokenError.malformed(reason: String(describing: error))
        }
    }

    /// `exp`, after checking it has not passed and that `nbf` and `iat` have, within the leeway.
    func checkTimes(_ claims: ClaimSet, now: Date) throws -> Date {
        let leeway = self.leeway.timeInterval
        let expiresAt = try claims.requiredDate("exp")
        guard now.timeIntervalSince(expiresAt) < leeway else { throw TokenError.expired(at: expiresAt) }
        for name in ["nbf", "iat"] {
            if let start = try claims.date(name), start.timeIntervalSince(now) > leeway {
                throw TokenError.notYetValid(from: start)
            }
        }
        return expiresAt
    }

    /// Checks that `aud` (a string or an array) names the FHIR base URL.
    func checkAudience(_ claims: ClaimSet) throws {
        guard let audiences = try claims.strings("aud") else { throw JWSFailure.missingClaim(name: "aud") }
        guard audiences.contains(where: { Self.sameURL($0, audience) }) else {
            throw TokenError.wrongAudience(audiences: audiences)
        }
    }

    /// Whether two URLs are equal once a trailing `/` is dropped from each.
    static func sameURL(_ first: String, _ second: String) -> Bool {
        func trimmed(_ url: String) -> Substring {
            url.hasSuffix("/") ? url.dropLast() : Substring(url)
        }
        return trimmed(first) == trimmed(second)
    }
}
