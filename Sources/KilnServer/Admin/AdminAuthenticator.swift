import FHIRStore
import Foundation
import Hummingbird
import SMARTAuth

/// Lets administrators into the administration API and no one else. The bearer token is
/// verified as on `/fhir` (signature, issuer, audience, lifetime, revocations, removed clients
/// and users); its role must be `administrator`. For a token Kiln issued, the account it names
/// must still be an administrator: the user, or the backend client for a token of its own.
struct AdminAuthenticator: Sendable {
    let auth: AuthServices

    /// The administrator calling, or 401 (no or bad token) or 403 (not an administrator).
    func administrator(_ request: Request, baseURL: String) async throws -> SMARTCaller {
        let verified: VerifiedToken
        do {
            verified = try await auth.acceptedBearerToken(request, baseURL: baseURL)
        } catch BearerRefusal.missing {
            throw AdminError.unauthorized("The administration API needs a bearer token of an administrator: send 'Authorization: Bearer <access token>'", code: "invalid_request")
        } catch BearerRefusal.malformed {
            throw AdminError.unauthorized("The Authorization header must be 'Bearer <access token>'", code: "invalid_request")
        } catch BearerRefusal.refused(let reason) {
            throw AdminError.unauthorized(reason)
        }
        let caller: SMARTCaller
        do {
            caller = try verified.caller(knownResourceTypes: auth.resourceTypes)
        } catch {
            throw AdminError.unauthorized("The token's scopes cannot be honoured: \(error.description)")
        }
        AuditTrail.current?.noteCaller(caller.principal)
        guard caller.mayUseAdministrationAPI else {
            let role = caller.role.map { "the role \($0.rawValue)" } ?? "no role (a system client)"
            throw AdminError.forbidden("The administration API is for administrators; this token has \(role)")
        }
        if verified.isIssuedByKiln {
            guard try await isStillAdministrator(verified) else {
                throw AdminError.forbidden("The account '\(verified.subject)' is no longer an administrator")
            }
        }
        return caller
    }

    /// Whether the user (or the backend client, for a client's own token) is still registered
    /// with the role `administrator`.
    private func isStillAdministrator(_ verified: VerifiedToken) async throws -> Bool {
        if let clientID = verified.clientID, clientID == verified.subject {
            return try await auth.store.client(id: clientID)?.role == Role.administrator.rawValue
        }
        return try await auth.store.user(named: verified.subject)?.role == Role.administrator.rawValue
    }
}
