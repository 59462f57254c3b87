extension AuditEventFacts {
    /// Who asked: the client, the user and the context their token carries. Everything is
    /// optional; an unauthenticated or anonymous request has none of it.
    public struct Caller: Sendable, Hashable {
        /// The OAuth client id.
        public var clientID: String?
        /// The client's registered name.
        public var clientName: String?
        /// The user's subject (`sub`).
        public var subject: String?
        /// The user's FHIR resource (`fhirUser`), as a reference such as `Practitioner/9`.
        public var fhirUser: String?
        /// The user's Kiln role (`clinician`, `researcher`…).
        public var role: String?
        /// The user's Organization, as a reference such as `Organization/3`.
        public var organization: String?
        /// The purpose of use: a code of http://terminology.hl7.org/CodeSystem/v3-ActReason.
        public var purposeOfUse: String?
        /// The token's `jti` (never the token).
        public var tokenID: String?
        /// The client's network address (an IP address or a host name).
        public var networkAddress: String?

        /// A caller; what is not given is unknown.
        public init(
            clientID: String? = nil,
            clientName: String? = nil,
            subject: String? = nil,
            fhirUser: String? = nil,
            role: String? = nil,
            organization: String? = nil,
            purposeOfUse: String? = nil,
            tokenID: String? = nil,
            networkAddress: String? = nil
        ) {
            self.clientID = clientID
            self.clientName = clientName
            self.subject = subject
            self.fhirUser = fhirUser
            self.role = role
            self.organization = organization
            self.purposeOfUse = purposeOfUse
            self.tokenID = tokenID
            self.networkAddress = networkAddress
        }

        /// Whether a user is known (by subject or fhirUser).
        var hasUser: Bool { subject != nil || fhirUser != nil }
    }
}
