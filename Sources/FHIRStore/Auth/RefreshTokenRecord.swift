public import Foundation

/// A refresh token: lets its client obtain new access tokens for the same grant without the
/// user, until it expires, is rotated or is revoked.
public struct RefreshTokenRecord: Sendable, Hashable {
    /// The ``TokenDigest`` of the token; the token itself is never stored.
    public var tokenHash: String
    /// The grant the token belongs to: the ``AuthorizationCodeRecord/codeHash`` of the code it
    /// was first issued for, kept by every rotated successor. Revoking a grant revokes them all.
    public var grantID: String
    /// The client the token is bound to; no other client may use it.
    public var clientID: String
    /// The user who authorized; nil for a grant without one.
    public var username: String?
    /// The scopes granted, space-separated; a refresh may narrow them, never widen.
    public var scope: String
    /// The id of the patient in context; nil without one.
    public var patient: String?
    /// The user's FHIR resource (`Practitioner/123`), for the `fhirUser` claim; nil without one.
    public var fhirUser: String?
    /// The purpose of use of the grant's access tokens, kept for a refresh that asks for none;
    /// nil for the role's default.
    public var purpose: String?
    /// When the token was issued.
    public var createdAt: Date
    /// When the token stops being usable; nil for a token that lives until revoked
    /// (`offline_access`).
    public var expiresAt: Date?
    /// When the token was exchanged for a successor; a rotated token presented again revokes
    /// its grant.
    public var rotatedAt: Date?
    /// When the token was revoked.
    public var revokedAt: Date?

    /// A refresh token record.
    public init(
        tokenHash: String,
        grantID: String,
        clientID: String,
        username: String? = nil,
        scope: String,
        patient: String? = nil,
        fhirUser: String? = nil,
        purpose: String? = nil,
        createdAt: Date = Date(),
        expiresAt: Date? = nil,
        rotatedAt: Date? = nil,
        revokedAt: Date? = nil
    ) {
        self.tokenHash = tokenHash
        self.grantID = grantID
        self.clientID = clientID
        self.username = username
        self.scope = scope
        self.patient = patient
        self.fhirUser = fhirUser
        self.purpose = purpose
        self.createdAt = createdAt
        self.expiresAt = expiresAt
        self.rotatedAt = rotatedAt
        self.revokedAt = revokedAt
    }
}
