import Foundation
import Hummingbird
import SMARTAuth

/// Why a bearer token is not accepted; each endpoint family answers it in its own format.
enum BearerRefusal: Error, Sendable {
    /// The request has no `Authorization` header.
    case missing
    /// The header is not `Bearer <token>`.
    case malformed
    /// The token failed verification, or was revoked, or its client or user was removed.
    case refused(String)
}

extension AuthServices {
    /// The token of the request's `Authorization: Bearer <token>` header, accepted as by
    /// ``acceptedToken(_:baseURL:)``.
    func acceptedBearerToken(_ request: Request, baseURL: String) async throws -> VerifiedToken {
        guard let header = request.headers[.authorization] else { throw BearerRefusal.missing }
        let parts = header.split(separator: " ", maxSplits: 1)
        guard parts.count == 2, parts[0].lowercased() == "bearer", !parts[1].isEmpty else { throw BearerRefusal.malformed }
        return try await acceptedToken(String(parts[1]).trimmingCharacters(in: .whitespaces), baseURL: baseURL)
    }

    /// `token` verified (signature, issuer, audience, lifetime) and checked against the
    /// revocations, removed clients and removed users this node knows of, refreshed when stale.
    /// Throws ``BearerRefusal/refused(_:)`` with the reason; database errors pass through.
    func acceptedToken(_ token: String, baseURL: String) async throws -> VerifiedToken {
        let verified: VerifiedToken
        do {
            verified = try await verifier(baseURL: baseURL).verify(token)
        } catch {
            throw BearerRefusal.refused(error.description)
        }
        try await revocations.refreshIfStale(from: store)
        if let refusal = revocations.refusal(of: verified) { throw BearerRefusal.refused(refusal) }
        return verified
    }
}
