/// The IHE Basic Audit Log Patterns (BALP 1.1.x) profiles Kiln's audit records claim, by
/// canonical URL. Their StructureDefinitions ship in `fhir-profiles/balp/`.
///
/// A record claims a profile in `meta.profile` only when it conforms to it: the REST profiles
/// fix `outcome` to success, the Patient variants and the disclosure and consent profiles hold
/// exactly one patient entity, and so on (see ``AuditEventBuilder``).
public enum BALPProfile: String, Sendable, Hashable, CaseIterable {
    /// A successful read or vread.
    case read = "https://profiles.ihe.net/ITI/BALP/StructureDefinition/IHE.BasicAudit.Read"
    /// A successful read or vread of one patient's data.
    case patientRead = "https://profiles.ihe.net/ITI/BALP/StructureDefinition/IHE.BasicAudit.PatientRead"
    /// A successful search.
    case query = "https://profiles.ihe.net/ITI/BALP/StructureDefinition/IHE.BasicAudit.Query"
    /// A successful search of one patient's data.
    case patientQuery = "https://profiles.ihe.net/ITI/BALP/StructureDefinition/IHE.BasicAudit.PatientQuery"
    /// A successful create.
    case create = "https://profiles.ihe.net/ITI/BALP/StructureDefinition/IHE.BasicAudit.Create"
    /// A successful create of one patient's data.
    case patientCreate = "https://profiles.ihe.net/ITI/BALP/StructureDefinition/IHE.BasicAudit.PatientCreate"
    /// A successful update or patch.
    case update = "https://profiles.ihe.net/ITI/BALP/StructureDefinition/IHE.BasicAudit.Update"
    /// A successful update or patch of one patient's data.
    case patientUpdate = "https://profiles.ihe.net/ITI/BALP/StructureDefinition/IHE.BasicAudit.PatientUpdate"
    /// A successful delete.
    case delete = "https://profiles.ihe.net/ITI/BALP/StructureDefinition/IHE.BasicAudit.Delete"
    /// A successful delete of one patient's data.
    case patientDelete = "https://profiles.ihe.net/ITI/BALP/StructureDefinition/IHE.BasicAudit.PatientDelete"
    /// An authorization decision based on Consent (a permit, a denial, an override).
    case authZConsent = "https://profiles.ihe.net/ITI/BALP/StructureDefinition/IHE.BasicAudit.AuthZconsent"
    /// A disclosure of one patient's data, recorded by the source that released it.
    case privacyDisclosureSource = "https://profiles.ihe.net/ITI/BALP/StructureDefinition/IHE.BasicAudit.PrivacyDisclosure.Source"
    /// An activity authorized by an OAuth token, recording only its `jti`.
    case oauthAccessTokenUseMinimal = "https://profiles.ihe.net/ITI/BALP/StructureDefinition/IHE.BasicAudit.OAUTHaccessTokenUse.Minimal"

    /// The canonical URL.
    public var url: String { rawValue }
}
