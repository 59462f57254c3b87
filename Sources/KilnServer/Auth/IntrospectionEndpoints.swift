import FHIRStore
import Foundation
import Hummingbird
import SMARTAuth

/// `POST /auth/introspect` (RFC 7662) and `POST /auth/revoke` (RFC 7009).
struct IntrospectionEndpoints: Sendable {
    let auth: AuthServices
    /// The FHIR base URL.
    let baseURL: String

    /// Introspection, for registered confidential clients and administrators: `{"active": false}`
    /// alone for a token that is invalid, expired or revoked.
    func introspect(_ request: Request) async throws -> Response {
        let form = try await OAuthForm.read(request)
        try await authorizeIntrospection(form, request: request)
        let token = try form.required("token")
        guard let verified = try await activeToken(token) else { return OAuthResponse.json(["active": false]) }
        var body: [String: any Sendable] = [
            "active": true, "scope": verified.scope, "sub": verified.subject, "iss": verified.issuer,
            "exp": Int(verified.expiresAt.timeIntervalSince1970), "token_type": "Bearer",
        ]
        if let clientID = verified.clientID { body["client_id"] = clientID }
        if let patient = verified.patient { body["patient"] = patient }
        if let fhirUser = verified.fhirUser { body["fhirUser"] = fhirUser }
        if let role = verified.role { body["role"] = role.rawValue }
        if let project = verified.project { body["project"] = project }
        return OAuthResponse.json(body)
    }

    /// Revocation by the client the token was issued to: a refresh token, or an access token
    /// (refused by every node within the revocation poll interval). Always 200, as RFC 7009 says.
    func revoke(_ request: Request) async throws -> Response {
        let form = try await OAuthForm.read(request)
        let client = try await auth.authenticateClient(form, request: request, tokenEndpoint: AuthRoutes.tokenURL(baseURL: baseURL))
        let token = try form.required("token")
        if form["token_type_hint"] != "access_token", try await auth.store.revokeRefreshToken(hash: TokenDigest.of(token), clientID: client.clientID) {
            return Response(status: .ok, headers: OAuthResponse.noStoreHeaders)
        }
        if let verified = try? await auth.verifier(baseURL: baseURL).verify(token), verified.isIssuedByKiln,
           verified.clientID == client.clientID, let tokenID = verified.tokenID {
            try await auth.store.revoke(jti: tokenID, expiresAt: verified.expiresAt)
            auth.revocations.noteRevoked(tokenID: tokenID, expiresAt: verified.expiresAt)
        }
        return Response(status: .ok, headers: OAuthResponse.noStoreHeaders)
    }

    /// The verified token when it is valid and neither it, its client nor its user was revoked.
    private func activeToken(_ token: String) async throws -> VerifiedToken? {
        do {
            return try await auth.acceptedToken(token, baseURL: baseURL)
        } catch is BearerRefusal {
            return nil
        }
    }

    /// A confidential client (its credentials in the request), or a bearer token of an administrator.
    private func authorizeIntrospection(_ form: OAuthForm, request: Request) async throws {
        if let header = request.headers[.authorization], header.lowercased().hasPrefix("bearer ") {
            let bearer = String(header.dropFirst(7)).trimmingCharacters(in: .whitespaces)
            guard let caller = try await activeToken(bearer), caller.role == .administrator else {
                throw OAuthError.invalidClient("Introspection is for registered confidential clients and administrators")
            }
            return
        }
        let client = try await auth.authenticateClient(form, request: request, tokenEndpoint: AuthRoutes.tokenURL(baseURL: baseURL))
        guard client.kind != .public else {
            throw OAuthError.invalidClient("Introspection is for registered confidential clients and administrators")
        }
    }
}
