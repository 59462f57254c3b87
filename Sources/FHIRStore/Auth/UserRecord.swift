public import Foundation

/// A user who signs in at the authorization server.
public struct UserRecord: Sendable, Hashable {
    /// The sign-in name.
    public var username: String
    /// The slow, salted hash of the password, `pbkdf2-sha256$<iterations>$<salt>$<hash>`.
    public var passwordHash: String
    /// The user's role (a `Role` raw value such as `clinician`).
    public var role: String
    /// The FHIR resource that represents the user (`Practitioner/123`, `Patient/456`), given to
    /// apps as the `fhirUser` claim; nil when there is none.
    public var fhirUser: String?
    /// The ids of the Patients assigned to a clinician, sorted; their compartments are the
    /// clinician's data.
    public var patients: [String]
    /// When the user was added.
    public var createdAt: Date
    /// A random id of this account, carried by its access tokens: removing the user refuses
    /// them, and a user added again under the name has another id.
    public var accountID: String
    /// The Organization the user acts for (`Organization/ID`), a Consent actor.
    public var organization: String?
    /// Whether the user may obtain break-glass tokens (purpose ETREAT), which override Consent denials.
    public var breakGlass: Bool
    /// The research project of a researcher; nil: the built-in project `default` for a
    /// researcher, none for any other role.
    public var project: String?

    /// A user record.
    public init(
        username: String, passwordHash: String, role: String, fhirUser: String? = nil, patients: [String] = [], createdAt: Date = Date(),
        accountID: String = UUID().uuidString.lowercased(), organization: String? = nil, breakGlass: Bool = false,
        project: String? = nil
    ) {
        self.username = username
        self.passwordHash = passwordHash
        self.role = role
        self.fhirUser = fhirUser
        self.patients = patients
        self.createdAt = createdAt
        self.accountID = accountID
        self.organization = organization
        self.breakGlass = breakGlass
        self.project = project
    }
}
