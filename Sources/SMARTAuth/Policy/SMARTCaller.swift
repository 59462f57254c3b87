public import FHIRAccess
import FHIRConsent

/// An authenticated caller as the access policy sees it: what its token grants and who it is.
public struct SMARTCaller: Sendable, Hashable {
    /// The token's subject (user or client id), matched against ``FHIRAccess/Principal/subject``.
    public var subject: String
    /// The granted scopes.
    public var scopes: ScopeSet
    /// The user's role; nil for a backend client registered without one (a system client).
    public var role: Role?
    /// The id of the patient in the launch context, if any; what `patient/` scopes confine to.
    public var launchPatient: String?
    /// The user's FHIR resource (`Practitioner/12`, `Patient/7`, or an absolute URL of one).
    /// For the `patient` role it names the patient's own record.
    public var fhirUser: String?
    /// The ids of the patients assigned to a clinician; ignored for other roles.
    public var assignedPatients: [String]
    /// The purpose of use the token states (`purpose_of_use`), a v3-ActReason code; nil for
    /// the role's default (see ``purposeOfUse``).
    public var statedPurpose: String?
    /// The Organization the caller acts for (`Organization/ID`), if any.
    public var organization: String?
    /// The client registration the token was issued to, if known.
    public var clientID: String?
    /// The research project the token names (`project`), if any; see ``researchProject``.
    public var project: String?

    /// The token's `jti`, for audit and revocation; never the token itself.
    public var tokenID: String?

    /// The built-in research project of researchers registered without one: `default`.
    public static let defaultResearchProject = "default"

    /// A caller.
    public init(subject: String, scopes: ScopeSet, role: Role? = nil, launchPatient: String? = nil, fhirUser: String? = nil, assignedPatients: [String] = [],
                statedPurpose: String? = nil, organization: String? = nil, clientID: String? = nil, project: String? = nil, tokenID: String? = nil) {
        self.subject = subject
        self.scopes = scopes
        self.role = role
        self.launchPatient = launchPatient
        self.fhirUser = fhirUser
        self.assignedPatients = assignedPatients
        self.statedPurpose = statedPurpose
        self.organization = organization
        self.clientID = clientID
        self.project = project
        self.tokenID = tokenID
    }

    /// The research project whose view a researcher sees: the token's ``project``, else
    /// ``defaultResearchProject``; nil for every other role, whatever the token says.
    public var researchProject: String? {
        role == .researcher ? (project ?? Self.defaultResearchProject) : nil
    }

    /// The request's purpose of use: the token's stated purpose, else the role's default
    /// (``Role/defaultPurposeOfUse``), else TREAT for a backend client without a role.
    public var purposeOfUse: String {
        statedPurpose ?? role?.defaultPurposeOfUse ?? "TREAT"
    }

    /// Every reference that identifies the caller to a Consent's actor (named as
    /// `FHIRConsent.ConsentActor` names them): its fhirUser (`Practitioner/7`), the Organization
    /// it acts for, and its client registration.
    public var consentActors: [String] {
        var actors: [String] = []
        if let actor = fhirUser.flatMap(ConsentActor.key(reference:)) { actors.append(actor) }
        if let organization { actors.append(organization) }
        if let clientID { actors.append(ConsentActor.client(clientID)) }
        return actors
    }

    /// Whether the caller's requests override Consent denials: a break-glass purpose of use
    /// (ETREAT), for anyone but a patient (whose own access no Consent restricts anyway).
    public var overridesConsent: Bool {
        role != .patient && purposeOfUse == SMARTAccessPolicy.breakGlassPurpose
    }

    /// The Patient id ``fhirUser`` refers to (`Patient/7` or `https://…/Patient/7`); nil when it
    /// is absent or refers to anything else.
    public var fhirUserPatientID: String? {
        guard let fhirUser else { return nil }
        let segments = fhirUser.split(separator: "/", omittingEmptySubsequences: false)
        guard segments.count >= 2, segments[segments.count - 2] == "Patient" else { return nil }
        let id = segments[segments.count - 1]
        guard (1...64).contains(id.count),
              id.unicodeScalars.allSatisfy({ $0.isASCIILetter || $0.isASCIIDigit || $0 == "-" || $0 == "." })
        else { return nil }
        return String(id)
    }

    /// The caller as audit and Provenance record it.
    public var principal: Principal {
        Principal(subject: subject, clientID: clientID, fhirUser: fhirUser, role: role?.rawValue, organization: organization,
                  purposeOfUse: purposeOfUse, tokenID: tokenID)
    }

    /// Whether the caller may use Kiln's administration API: administrators only.
    public var mayUseAdministrationAPI: Bool {
        role?.mayUseAdministrationAPI ?? false
    }
}
