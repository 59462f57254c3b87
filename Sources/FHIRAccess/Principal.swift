/// Who is making a request, as audit records and Provenance name it. Until authorization is
/// configured every request is anonymous.
public struct Principal: Sendable, Hashable {
    /// A stable identifier of the caller (client id or user), for audit.
    public var subject: String
    /// The client registration the request comes through, if known.
    public var clientID: String?
    /// The user's FHIR resource (`Practitioner/12`, `Patient/7`), if any.
    public var fhirUser: String?
    /// The user's role (`clinician`, `researcher` …); nil for a backend client without one.
    public var role: String?
    /// The Organization the caller acts for (`Organization/ID`), if any.
    public var organization: String?
    /// The request's purpose of use, a v3-ActReason code (`TREAT`, `HRESCH`, `ETREAT` …).
    public var purposeOfUse: String?
    /// The access token's `jti`; never the token itself.
    public var tokenID: String?

    /// A principal with the given subject and, when known, the rest of who it is.
    public init(subject: String, clientID: String? = nil, fhirUser: String? = nil, role: String? = nil, organization: String? = nil,
                purposeOfUse: String? = nil, tokenID: String? = nil) {
        self.subject = subject
        self.clientID = clientID
        self.fhirUser = fhirUser
        self.role = role
        self.organization = organization
        self.purposeOfUse = purposeOfUse
        self.tokenID = tokenID
    }

    /// The caller of a server that does not authenticate.
    public static let anonymous = Principal(subject: "anonymous")
}
