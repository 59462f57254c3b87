public import Foundation
import JWTKit

/// Signs the access tokens and OpenID Connect id_tokens of Kiln's authorization server with the
/// server's key (ES256, `kid` = the key's thumbprint).
///
/// ```swift
/// let issuer = TokenIssuer(issuer: "https://kiln.example/auth", audience: "https://kiln.example/fhir", key: key)
/// let access = try await issuer.issueAccessToken(subject: user.id, clientID: client.id, scopes: granted,
///                                                patient: launch.patient, fhirUser: user.fhirUser, role: user.role)
/// response.accessToken = access.token
/// response.expiresIn = Int(access.claims.expiresAt.timeIntervalSince(access.claims.issuedAt))
/// ```
public struct TokenIssuer: Sendable {
    /// The authorization server's issuer URL: `iss` of every token.
    public let issuer: String
    /// The FHIR base URL: `aud` of every access token.
    public let audience: String
    /// The key tokens are signed with.
    public let key: ServerSigningKey

    /// An issuer. `issuer` and `audience` are URLs as clients see them, without a trailing slash.
    public init(issuer: String, audience: String, key: ServerSigningKey) {
        self.issuer = issuer
        self.audience = audience
        self.key = key
    }

    /// A signed access token (`typ: at+jwt`) with a new random `jti`. Use
    /// ``TokenLimits/backendAccessTokenLifetime`` for backend services; a user's token carries
    /// their `accountID`; `purposeOfUse` and `organization` become `purpose_of_use` and
    /// `organization` (see ``PurposeOfUseGrant``); a researcher's `project` becomes `project`.
    public func issueAccessToken(
        subject: String, clientID: String, scopes: ScopeSet, patient: String? = nil, fhirUser: String? = nil, role: Role? = nil,
        accountID: String? = nil, purposeOfUse: String? = nil, organization: String? = nil, project: String? = nil,
        lifetime: Duration = TokenLimits.accessTokenLifetime, now: Date = Date()
    ) async throws(TokenIssuingError) -> IssuedToken<AccessTokenClaims> {
        for (name, value) in [("sub", subject), ("client_id", clientID), ("iss", issuer), ("aud", audience)] where value.isEmpty {
            throw .emptyClaim(name: name)
        }
        let issuedAt = Self.wholeSeconds(now)
        let claims = AccessTokenClaims(
            issuer: issuer, subject: subject, audience: audience,
            expiresAt: try Self.expiry(issuedAt, lifetime), issuedAt: issuedAt,
            tokenID: RandomToken.make(), clientID: clientID, scope: scopes.scopeString,
            patient: patient, fhirUser: fhirUser, role: role, accountID: accountID,
            purposeOfUse: purposeOfUse, organization: organization, project: project
        )
        return IssuedToken(token: try await sign(claims, type: "at+jwt"), claims: claims)
    }

    /// A signed OpenID Connect id_token (`typ: JWT`) for `clientID`, echoing the authorization
    /// request's `nonce`.
    public func issueIDToken(
        subject: String, clientID: String, fhirUser: String? = nil, nonce: String? = nil, authenticatedAt: Date? = nil,
        lifetime: Duration = TokenLimits.idTokenLifetime, now: Date = Date()
    ) async throws(TokenIssuingError) -> IssuedToken<IDTokenClaims> {
        for (name, value) in [("sub", subject), ("aud", clientID), ("iss", issuer)] where value.isEmpty {
            throw .emptyClaim(name: name)
        }
        let issuedAt = Self.wholeSeconds(now)
        let claims = IDTokenClaims(
            issuer: issuer, subject: subject, audience: clientID,
            expiresAt: try Self.expiry(issuedAt, lifetime), issuedAt: issuedAt,
            authenticatedAt: authenticatedAt.map(Self.wholeSeconds), nonce: nonce, fhirUser: fhirUser
        )
        return IssuedToken(token: try await sign(claims, type: "JWT"), claims: claims)
    }

    /// `claims` signed with the server key, with `typ` and the key's `kid` in the header.
    private func sign(_ claims: some Codable & Sendable, type: String) async throws(TokenIssuingError) -> String {
        let collection = JWTKeyCollection()
        do {
            let kid = JWKIdentifier(string: key.keyID)
            await collection.add(ecdsa: try ES256PrivateKey(backing: key.privateKey), kid: kid)
            return try await collection.sign(SigningPayload(claims), kid: kid, header: ["typ": .string(type)])
        } catch {
            throw .signingFailed(reason: String(describing: error))
        }
    }

    private static func wholeSeconds(_ date: Date) -> Date {
        Date(timeIntervalSince1970: date.timeIntervalSince1970.rounded(.down))
    }

    private static func expiry(_ issuedAt: Date, _ lifetime: Duration) throws(TokenIssuingError) -> Date {
        let seconds = lifetime.timeInterval.rounded(.down)
        guard seconds >= 1 else { throw .invalidLifetime(seconds: lifetime.timeInterval) }
        return issuedAt.addingTimeInterval(seconds)
    }
}
