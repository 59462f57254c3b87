public import Foundation

/// What a bearer token that passed ``TokenVerifier`` says about its holder.
public struct VerifiedToken: Sendable, Hashable {
    /// `iss`: Kiln's issuer or an external one.
    public var issuer: String
    /// Whether Kiln's own authorization server issued the token.
    public var isIssuedByKiln: Bool
    /// `sub`: the user's id, or the client id for a backend service.
    public var subject: String
    /// The client the token was issued to: always present in Kiln's tokens; from `client_id`
    /// or `azp` (see ``ExternalClaimMapping/clientID``) in external ones, if they carry it.
    public var clientID: String?
    /// The granted scopes, separated by single spaces; empty when the token grants none.
    public var scope: String
    /// The launch patient's id, if any.
    public var patient: String?
    /// The user's FHIR resource, if any.
    public var fhirUser: String?
    /// The user's Kiln role; nil for a backend client registered without one.
    public var role: Role?
    /// `jti`: always present in Kiln's tokens.
    public var tokenID: String?
    /// `exp`.
    public var expiresAt: Date
    /// `iat`: always present in Kiln's tokens.
    public var issuedAt: Date?
    /// `account_id`: the user's account, in Kiln's tokens for users.
    public var accountID: String?
    /// `purpose_of_use`: the purpose of use stated in the token (a v3-ActReason code), if any.
    public var purposeOfUse: String?
    /// `organization`: the Organization the holder acts for, if any.
    public var organization: String?
    /// `project`: the research project of a researcher, if the token names one.
    public var project: String?

    /// A verified token's content.
    public init(
        issuer: String, isIssuedByKiln: Bool, subject: String, clientID: String?, scope: String, patient: String? = nil,
        fhirUser: String? = nil, role: Role? = nil, tokenID: String? = nil, expiresAt: Date, issuedAt: Date? = nil, accountID: String? = nil,
        purposeOfUse: String? = nil, organization: String? = nil, project: String? = nil
    ) {
        self.issuer = issuer
        self.isIssuedByKiln = isIssuedByKiln
        self.subject = subject
        self.clientID = clientID
        self.scope = scope
        self.patient = patient
        self.fhirUser = fhirUser
        self.role = role
        self.tokenID = tokenID
        self.expiresAt = expiresAt
        self.issuedAt = issuedAt
        self.accountID = accountID
        self.purposeOfUse = purposeOfUse
        self.organization = organization
        self.project = project
    }

    /// The caller the access policy decides for: the token's scopes parsed (a resource scope
    /// Kiln cannot honour in full throws), its role, launch patient and fhirUser, and the
    /// clinician's assigned patients, which the caller looks up; a researcher's research
    /// project (``SMARTCaller/researchProject``).
    public func caller(knownResourceTypes: Set<String>? = nil, assignedPatients: [String] = []) throws(ScopeError) -> SMARTCaller {
        SMARTCaller(
            subject: subject,
            scopes: try ScopeSet(parsing: scope, knownResourceTypes: knownResourceTypes),
            role: role,
            launchPatient: patient,
            fhirUser: fhirUser,
            assignedPatients: assignedPatients,
            statedPurpose: purposeOfUse,
            organization: organization,
            clientID: clientID,
            project: project,
            tokenID: tokenID
        )
    }
}
