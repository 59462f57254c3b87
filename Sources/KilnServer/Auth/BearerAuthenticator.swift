import FHIRAccess
import FHIRStore
import FHIRModel
import Foundation
import Hummingbird
import SMARTAuth

/// Checks the bearer token of a FHIR request and gives the caller's access controller: the
/// token is verified (signature, issuer, audience, lifetime), then checked against revocations,
/// removed clients and removed users, and its scopes, role and patient become the caller's
/// ``SMARTAuth/SMARTAccessController``.
struct BearerAuthenticator: Sendable {
    let auth: AuthServices

    /// The authenticated caller, or 401 with `WWW-Authenticate`.
    func authenticate(_ request: Request, baseURL: String) async throws -> (Principal, any AccessController) {
        let caller = try await authenticatedCaller(request, baseURL: baseURL)
        return (caller.principal, SMARTAccessController(policy: auth.policy, caller: caller))
    }

    /// The caller the request's bearer token names, or 401 with `WWW-Authenticate`.
    func authenticatedCaller(_ request: Request, baseURL: String) async throws -> SMARTCaller {
        let verified: VerifiedToken
        do {
            verified = try await auth.acceptedBearerToken(request, baseURL: baseURL)
        } catch BearerRefusal.missing {
            throw Self.unauthorized("This request needs a bearer token: send 'Authorization: Bearer <access token>' (see \(baseURL)/.well-known/smart-configuration)", error: nil)
        } catch BearerRefusal.malformed {
            throw Self.unauthorized("The Authorization header must be 'Bearer <access token>'", error: "invalid_request")
        } catch BearerRefusal.refused(let reason) {
            throw Self.unauthorized(reason, error: "invalid_token")
        }
        var assigned: [String] = []
        if verified.role == .clinician, verified.isIssuedByKiln {
            assigned = try await auth.store.assignedPatients(of: verified.subject)
        }
        let caller: SMARTCaller
        do {
            caller = try verified.caller(knownResourceTypes: auth.resourceTypes, assignedPatients: assigned)
        } catch {
            throw Self.unauthorized("The token's scopes cannot be honoured: \(error.description)", error: "invalid_token")
        }
        AuditTrail.current?.noteCaller(caller.principal)
        return caller
    }

    /// 401 with the RFC 6750 challenge.
    static func unauthorized(_ message: String, error: String?) -> FHIRError {
        var challenge = #"Bearer realm="kiln""#
        if let error {
            let description = message.replacingOccurrences(of: "\"", with: "'")
            challenge += #", error="\#(error)", error_description="\#(description)""#
        }
        return FHIRError(status: 401, issues: [OperationOutcomeIssue(severity: .error, code: .login, diagnostics: message)], headers: ["WWW-Authenticate": challenge])
    }
}
