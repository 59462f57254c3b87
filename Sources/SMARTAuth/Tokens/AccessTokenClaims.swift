public import Foundation

/// The claims of an access token Kiln issues (a JWT in the style of RFC 9068, `typ: at+jwt`):
/// who it is for, which client holds it, what it grants, and for how long.
public struct AccessTokenClaims: Sendable, Hashable, Codable {
    /// `iss`: the authorization server's issuer URL.
    public var issuer: String
    /// `sub`: the user's id, or the client id for a backend service.
    public var subject: String
    /// `aud`: the FHIR base URL the token is good for.
    public var audience: String
    /// `exp`: when the token stops being accepted.
    public var expiresAt: Date
    /// `iat`: when it was issued.
    public var issuedAt: Date
    /// `nbf`: when it starts being accepted, if later than ``issuedAt``.
    public var notBefore: Date?
    /// `jti`: a unique id, for logs and revocation.
    public var tokenID: String
    /// `client_id`: the client the token was issued to.
    public var clientID: String
    /// `scope`: the granted scopes, separated by spaces.
    public var scope: String
    /// `patient`: the id of the patient in the launch context.
    public var patient: String?
    /// `fhirUser`: the user's FHIR resource (`Practitioner/12`, …).
    public var fhirUser: String?
    /// `role`: the user's Kiln role; absent for a backend client registered without one.
    public var role: Role?
    /// `account_id`: the id of the user's account, which removing the user revokes; absent for
    /// a backend client.
    public var accountID: String?
    /// `purpose_of_use`: the purpose of use the token was issued for (a v3-ActReason code);
    /// absent for the role's default.
    public var purposeOfUse: String?
    /// `organization`: the Organization the holder acts for (`Organization/ID`).
    public var organization: String?
    /// `project`: the research project of a researcher (`default` when their registration names
    /// none); absent for every other role.
    public var project: String?

    /// Claims.
    public init(
        issuer: String, subject: String, audience: String, expiresAt: Date, issuedAt: Date, notBefore: Date? = nil,
        tokenID: String, clientID: String, scope: String, patient: String? = nil, fhirUser: String? = nil, role: Role? = nil,
        accountID: String? = nil, purposeOfUse: String? = nil, organization: String? = nil, project: String? = nil
    ) {
        self.issuer = issuer
        self.subject = subject
        self.audience = audience
        self.expiresAt = expiresAt
        self.issuedAt = issuedAt
        self.notBefore = notBefore
        self.tokenID = tokenID
        self.clientID = clientID
        self.scope = scope
        self.patient = patient
        self.fhirUser = fhirUser
        self.role = role
        self.accountID = accountID
        self.purposeOfUse = purposeOfUse
        self.organization = organization
        self.project = project
    }

    enum CodingKeys: String, CodingKey {
        case issuer = "iss", subject = "sub", audience = "aud", expiresAt = "exp", issuedAt = "iat", notBefore = "nbf"
        case tokenID = "jti", clientID = "client_id", scope, patient, fhirUser, role, accountID = "account_id"
        case purposeOfUse = "purpose_of_use", organization, project
    }

    /// Decodes the claims; dates are NumericDates (seconds since 1970).
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        issuer = try container.decode(String.self, forKey: .issuer)
        subject = try container.decode(String.self, forKey: .subject)
        audience = try container.decode(String.self, forKey: .audience)
        expiresAt = try container.decodeNumericDate(forKey: .expiresAt)
        issuedAt = try container.decodeNumericDate(forKey: .issuedAt)
        notBefore = try container.decodeNumericDateIfPresent(forKey: .notBefore)
        tokenID = try container.decode(String.self, forKey: .tokenID)
        clientID = try container.decode(String.self, forKey: .clientID)
        scope = try container.decode(String.self, forKey: .scope)
        patient = try container.decodeIfPresent(String.self, forKey: .patient)
        fhirUser = try container.decodeIfPresent(String.self, forKey: .fhirUser)
        role = try container.decodeRoleIfPresent(forKey: .role)
        accountID = try container.decodeIfPresent(String.self, forKey: .accountID)
        purposeOfUse = try container.decodeIfPresent(String.self, forKey: .purposeOfUse)
        organization = try container.decodeIfPresent(String.self, forKey: .organization)
        project = try container.decodeIfPresent(String.self, forKey: .project)
    }

    /// Encodes the claims; dates as whole seconds since 1970, absent optionals left out.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(issuer, forKey: .issuer)
        try container.encode(subject, forKey: .subject)
        try container.encode(audience, forKey: .audience)
        try container.encodeNumericDate(expiresAt, forKey: .expiresAt)
        try container.encodeNumericDate(issuedAt, forKey: .issuedAt)
        if let notBefore { try container.encodeNumericDate(notBefore, forKey: .notBefore) }
        try container.encode(tokenID, forKey: .tokenID)
        try container.encode(clientID, forKey: .clientID)
        try container.encode(scope, forKey: .scope)
        try container.encodeIfPresent(patient, forKey: .patient)
        try container.encodeIfPresent(fhirUser, forKey: .fhirUser)
        try container.encodeIfPresent(role?.rawValue, forKey: .role)
        try container.encodeIfPresent(accountID, forKey: .accountID)
        try container.encodeIfPresent(purposeOfUse, forKey: .purposeOfUse)
        try container.encodeIfPresent(organization, forKey: .organization)
        try container.encodeIfPresent(project, forKey: .project)
    }
}
