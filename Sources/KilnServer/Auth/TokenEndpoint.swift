import FHIRAccess
import FHIRStore
import Foundation
import Hummingbird
import SMARTAuth

/// `POST /auth/token`: the grants `client_credentials` (backend services, signed client
/// assertion), `authorization_code` (with PKCE S256) and `refresh_token`.
struct TokenEndpoint: Sendable {
    let auth: AuthServices
    /// The FHIR base URL: the tokens' issuer and audience.
    let baseURL: String

    var tokenURL: String { AuthRoutes.tokenURL(baseURL: baseURL) }

    func respond(_ request: Request) async throws -> Response {
        let form = try await OAuthForm.read(request)
        let client = try await auth.authenticateClient(form, request: request, tokenEndpoint: tokenURL)
        AuditTrail.current?.noteCaller(Principal(subject: client.clientID, clientID: client.clientID, organization: client.organization))
        switch try form.required("grant_type") {
        case "client_credentials": return try await clientCredentials(form, client: client)
        case "authorization_code": return try await authorizationCode(form, client: client)
        case "refresh_token": return try await refreshToken(form, client: client)
        case let other: throw OAuthError.unsupportedGrantType("grant_type '\(other)' is not supported; use client_credentials, authorization_code or refresh_token")
        }
    }

    /// Backend services: a confidential client's own token, at most 300 s, no refresh token.
    private func clientCredentials(_ form: OAuthForm, client: ClientRecord) async throws -> Response {
        guard client.kind != .public else {
            throw OAuthError.unauthorizedClient("A public client cannot use client_credentials")
        }
        let scopes = try grantedScopes(requested: try form.required("scope"), allowed: client.scope)
        let role = try client.role.map { try Self.role($0) }
        let purpose = try Self.purpose(requested: form["purpose_of_use"], client: client, role: role, user: nil)
        let token = try await issuer().issueAccessToken(
            subject: client.clientID, clientID: client.clientID, scopes: scopes, role: role,
            purposeOfUse: purpose, organization: client.organization, project: ResearchProjectMembership.project(role: role, registered: client.project),
            lifetime: auth.settings.backendAccessTokenLifetime
        )
        return OAuthResponse.json(tokenBody(token, scopes: scopes))
    }

    /// The code from `/auth/authorize`, once, by the client it was issued to, with its PKCE verifier.
    private func authorizationCode(_ form: OAuthForm, client: ClientRecord) async throws -> Response {
        let code = try form.required("code")
        guard let record = try await auth.store.consumeCode(hash: TokenDigest.of(code)) else {
            throw OAuthError.invalidGrant("The code is unknown, expired or already used")
        }
        guard record.clientID == client.clientID else { throw OAuthError.invalidGrant("The code was issued to another client") }
        guard form["redirect_uri"] == record.redirectURI else {
            throw OAuthError.invalidGrant("redirect_uri must be exactly the one of the authorization request")
        }
        guard let challenge = record.codeChallenge else { throw OAuthError.invalidGrant("The code has no PKCE challenge") }
        do {
            try PKCE.verify(verifier: try form.required("code_verifier"), challenge: challenge, method: "S256")
        } catch let error as OAuthError {
            throw error
        } catch {
            throw OAuthError.invalidGrant("The code_verifier does not match the code_challenge: \(error)")
        }
        guard let user = try await auth.store.user(named: record.username) else {
            throw OAuthError.invalidGrant("The user of this code no longer exists")
        }
        let scopes = try parse(record.scope)
        // The token request may name a purpose; else the one the authorization request asked for.
        let purpose = form["purpose_of_use"] ?? record.purpose
        var body = try await userTokens(purpose: purpose, scopes: scopes, client: client, user: user, patient: record.patient, grantID: record.codeHash)
        if scopes.contains(.openid) {
            let idToken = try await issuer().issueIDToken(subject: user.username, clientID: client.clientID, fhirUser: user.fhirUser, nonce: record.nonce)
            body["id_token"] = idToken.token
        }
        return OAuthResponse.json(body)
    }

    /// A new access token for a refresh token, which is rotated; never a wider scope.
    private func refreshToken(_ form: OAuthForm, client: ClientRecord) async throws -> Response {
        let presented = try form.required("refresh_token")
        guard let record = try await auth.store.useRefreshToken(hash: TokenDigest.of(presented), clientID: client.clientID, rotate: true) else {
            throw OAuthError.invalidGrant("The refresh token is unknown, expired, revoked, already used or not this client's")
        }
        var scopes = try parse(record.scope)
        if let requested = form["scope"] {
            scopes = try grantedScopes(requested: requested, allowed: record.scope)
        }
        guard let username = record.username, let user = try await auth.store.user(named: username) else {
            throw OAuthError.invalidGrant("The user of this refresh token no longer exists")
        }
        let purpose = form["purpose_of_use"] ?? record.purpose
        return OAuthResponse.json(try await userTokens(purpose: purpose, scopes: scopes, client: client, user: user, patient: record.patient, grantID: record.grantID))
    }

    /// The access token (and refresh token for offline_access or online_access) of a user.
    /// The purpose of use is the one `purpose` asks for (see ``SMARTAuth/PurposeOfUseGrant``),
    /// held against the registrations afresh at every token request; the refresh token keeps
    /// it. The Organization is the user's, else the client's; the research project the user's.
    private func userTokens(purpose requested: String?, scopes: ScopeSet, client: ClientRecord, user: UserRecord, patient: String?, grantID: String) async throws -> [String: any Sendable] {
        let role = try Self.role(user.role)
        let purpose = try Self.purpose(requested: requested, client: client, role: role, user: user)
        let token = try await issuer().issueAccessToken(
            subject: user.username, clientID: client.clientID, scopes: scopes, patient: patient, fhirUser: user.fhirUser,
            role: role, accountID: user.accountID, purposeOfUse: purpose,
            organization: user.organization ?? client.organization, project: ResearchProjectMembership.project(role: role, registered: user.project),
            lifetime: auth.settings.accessTokenLifetime
        )
        var body = tokenBody(token, scopes: scopes)
        if scopes.contains(.offlineAccess) || scopes.contains(.onlineAccess) {
            let refresh = RandomToken.make()
            try await auth.store.insertRefreshToken(RefreshTokenRecord(
                tokenHash: TokenDigest.of(refresh), grantID: grantID, clientID: client.clientID, username: user.username,
                scope: scopes.scopeString, patient: patient, fhirUser: user.fhirUser, purpose: purpose,
                expiresAt: scopes.contains(.offlineAccess) ? nil : Date().addingTimeInterval(24 * 3600)
            ))
            body["refresh_token"] = refresh
        }
        return body
    }

    private func tokenBody(_ token: IssuedToken<AccessTokenClaims>, scopes: ScopeSet) -> [String: any Sendable] {
        AuditTrail.current?.noteIssuedToken(token.claims.tokenID)
        var body: [String: any Sendable] = [
            "access_token": token.token, "token_type": "Bearer", "scope": scopes.scopeString,
            "expires_in": max(0, Int(token.claims.expiresAt.timeIntervalSinceNow.rounded())),
        ]
        if let patient = token.claims.patient { body["patient"] = patient }
        if let fhirUser = token.claims.fhirUser { body["fhirUser"] = fhirUser }
        if let purpose = token.claims.purposeOfUse { body["purpose_of_use"] = purpose }
        return body
    }

    /// The purpose of use of the token a request asks for, held against the registrations.
    static func purpose(requested: String?, client: ClientRecord, role: Role?, user: UserRecord?) throws -> String? {
        let resolved = PurposeOfUseGrant.resolve(
            requested: requested, registered: user == nil ? client.purpose : nil, allowed: client.allowedPurposes,
            role: role, breakGlassUser: user.map(\.breakGlass)
        )
        switch resolved {
        case .success(let purpose): return purpose
        case .failure(let error): throw OAuthError.invalidRequest(error.message)
        }
    }

    /// The requested scopes narrowed to the allowed ones; a scope that cannot be honoured is refused.
    private func grantedScopes(requested: String, allowed: String) throws -> ScopeSet {
        let granted = try parse(requested).narrowed(to: try parse(allowed))
        guard !granted.resourceScopes.isEmpty || !granted.nonResourceScopes.isEmpty else {
            throw OAuthError.invalidScope("None of the requested scopes is allowed for this client; it may have \(allowed)")
        }
        return granted
    }

    private func parse(_ scopes: String) throws -> ScopeSet {
        do {
            return try ScopeSet(parsing: scopes, knownResourceTypes: auth.resourceTypes)
        } catch {
            throw OAuthError.invalidScope(error.description)
        }
    }

    private func issuer() throws -> TokenIssuer {
        guard let key = auth.keyring.signingKey else {
            throw OAuthError(status: .serviceUnavailable, code: "temporarily_unavailable", description: "The server's signing key is not loaded yet")
        }
        return TokenIssuer(issuer: baseURL, audience: baseURL, key: key)
    }

    static func role(_ text: String) throws -> Role {
        guard let role = Role(rawValue: text) else {
            throw OAuthError.invalidGrant("The account's role '\(text)' is not one of researcher, clinician, data-steward, administrator, patient")
        }
        return role
    }
}
