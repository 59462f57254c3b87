public import Foundation

/// Authenticates a client at the token endpoint by its `client_assertion`: a JWT it signed with
/// a key registered in its JWKS (SMART's asymmetric client authentication, used by backend
/// services; RFC 7523 `private_key_jwt`).
///
/// Checking that the request's `client_assertion_type` is ``assertionType`` is the caller's
/// job; this checks the assertion: RS384, ES384, RS256 or ES256 with a `kid` of the client's JWKS; `jku`, if present,
/// the registered JWKS URL; a valid signature; `iss` = `sub` = the client id; `aud` the token
/// endpoint URL; `exp` present, not passed, and at most five minutes ahead; `nbf` and `iat` (if
/// present) not in the future; `jti` present. Each time check allows ``leeway``.
///
/// Replays are the caller's to refuse: remember each verified (client id, `jti`) until its
/// ``VerifiedClientAssertion/expiresAt`` plus the leeway, and refuse one seen before.
///
/// ```swift
/// let verifier = ClientAssertionVerifier(tokenEndpoint: "https://kiln.example/auth/token")
/// let clientID = try ClientAssertionVerifier.claimedClientID(of: assertion)
/// guard let client = registry.client(clientID) else { /* invalid_client */ }
/// let verified = try await verifier.verify(assertion, clientID: client.id, jwksJSON: client.jwks)
/// guard replayCache.insert(clientID, verified.tokenID, until: verified.expiresAt) else { /* invalid_client */ }
/// ```
public struct ClientAssertionVerifier: Sendable {
    /// The `client_assertion_type` of a JWT client assertion.
    public static let assertionType = "urn:ietf:params:oauth:client-assertion-type:jwt-bearer"

    /// The token endpoint URL every assertion's `aud` must name.
    public let tokenEndpoint: String
    /// How far clocks may disagree; ``TokenLimits/clockLeeway`` (60 s) by default.
    public let leeway: Duration
    /// How far ahead `exp` may lie; ``TokenLimits/clientAssertionMaximumLifetime`` (5 min) by default.
    public let maximumLifetime: Duration

    /// A verifier for assertions addressed to `tokenEndpoint`.
    public init(tokenEndpoint: String, leeway: Duration = TokenLimits.clockLeeway, maximumLifetime: Duration = TokenLimits.clientAssertionMaximumLifetime) {
        self.tokenEndpoint = tokenEndpoint
        self.leeway = leeway
        self.maximumLifetime = maximumLifetime
    }

    /// The client id an assertion claims to be from (its `iss`), unverified: to look up the
    /// client and its keys before calling ``verify(_:clientID:keys:registeredJWKSURL:now:)``.
    public static func claimedClientID(of assertion: String) throws(ClientAssertionError) -> String {
        do {
            return try CompactJWS(parsing: assertion).claims.requiredString("iss")
        } catch {
            throw ClientAssertionError(error)
        }
    }

    /// Verifies `assertion` for the client `clientID` against its registered JWKS text.
    public func verify(_ assertion: String, clientID: String, jwksJSON: String, registeredJWKSURL: String? = nil, now: Date = Date()) async throws(ClientAssertionError) -> VerifiedClientAssertion {
        let keys: VerificationKeySet
        do {
            keys = try VerificationKeySet(jwksJSON: jwksJSON)
        } catch {
            throw .unusableKeySet(error)
        }
        return try await verify(assertion, clientID: clientID, keys: keys, registeredJWKSURL: registeredJWKSURL, now: now)
    }

    /// Verifies `assertion` for the client `clientID` against its registered keys.
    /// `registeredJWKSURL` is the client's registered `jwks_uri`, if it registered one; an
    /// assertion's `jku` header must equal it.
    public func verify(_ assertion: String, clientID: String, keys: VerificationKeySet, registeredJWKSURL: String? = nil, now: Date = Date()) async throws(ClientAssertionError) -> VerifiedClientAssertion {
        do {
            let jws = try CompactJWS(parsing: assertion)
            _ = try jws.allowedAlgorithm(among: JWSAlgorithm.asymmetric)
            guard let keyID = jws.keyID else { throw ClientAssertionError.missingKeyID }
            if let jku = try jws.header.string("jku"), jku != registeredJWKSURL {
                throw ClientAssertionError.keySetURLMismatch(jku: jku)
            }
            try await keys.verifySignature(of: jws, allowed: JWSAlgorithm.asymmetric)
            let claims = jws.claims
            let issuer = try claims.requiredString("iss")
            let subject = try claims.requiredString("sub")
            guard issuer == subject else { throw ClientAssertionError.issuerSubjectMismatch(issuer: issuer, subject: subject) }
            guard issuer == clientID else { throw ClientAssertionError.wrongClient(expected: clientID, found: issuer) }
            guard let audiences = try claims.strings("aud") else { throw JWSFailure.missingClaim(name: "aud") }
            guard audiences.contains(where: { TokenVerifier.sameURL($0, tokenEndpoint) }) else {
                throw ClientAssertionError.wrongAudience(audiences: audiences)
            }
            let expiresAt = try checkTimes(claims, now: now)
            let tokenID = try claims.requiredString("jti")
            return VerifiedClientAssertion(clientID: clientID, tokenID: tokenID, expiresAt: expiresAt, keyID: keyID)
        } catch let failure as JWSFailure {
            throw ClientAssertionError(failure)
        } catch let error as ClientAssertionError {
            throw error
        } catch {
            throw .malformed(reason: String(describing: error))
        }
    }

    /// `exp`, after checking it lies between now and the maximum lifetime ahead, and that `nbf`
    /// and `iat` are not in the future, each within the leeway.
    private func checkTimes(_ claims: ClaimSet, now: Date) throws -> Date {
        let leeway = self.leeway.timeInterval
        let expiresAt = try claims.requiredDate("exp")
        guard now.timeIntervalSince(expiresAt) < leeway else { throw ClientAssertionError.expired(at: expiresAt) }
        let latest = now.addingTimeInterval(maximumLifetime.timeInterval + leeway)
        guard expiresAt <= latest else { throw ClientAssertionError.lifetimeTooLong(expiresAt: expiresAt, latest: latest) }
        for name in ["nbf", "iat"] {
            if let start = try claims.date(name), start.timeIntervalSince(now) > leeway {
                throw ClientAssertionError.notYetValid(from: start)
            }
        }
        return expiresAt
    }
}
