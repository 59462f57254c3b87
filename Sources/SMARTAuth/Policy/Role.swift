public import FHIRAccess

/// What a user is to Kiln. A role narrows what the token's scopes allow; it never widens it.
///
/// | role | view | writes | data |
/// |---|---|---|---|
/// | `researcher` | research only | no | everything the scopes allow, de-identified |
/// | `clinician` | clinical only | yes | the compartments of the assigned patients; may create Patients |
/// | `data-steward` | both | no | everything the scopes allow |
/// | `administrator` | both | yes | everything the scopes allow; the administration API |
/// | `patient` | clinical only | yes | the patient's own compartment |
///
/// A backend client registered without a role is a system client: its scopes alone decide.
public enum Role: String, Sendable, Hashable, CaseIterable {
    /// Reads de-identified data through the research view only.
    case researcher
    /// Reads and writes the identifiable data of the patients assigned to them.
    case clinician
    /// Reads everything, writes nothing.
    case dataSteward = "data-steward"
    /// Reads and writes everything and uses the administration API.
    case administrator
    /// Reads and writes their own record.
    case patient

    /// Whether a user in this role may address `view` at all.
    public func mayUse(_ view: DataView) -> Bool {
        switch (self, view) {
        case (.researcher, .research), (.dataSteward, _), (.administrator, _): true
        case (.clinician, .clinical), (.patient, .clinical): true
        case (.researcher, .clinical), (.clinician, .research), (.patient, .research): false
        }
    }

    /// Whether a user in this role may change stored data (where scopes and view allow it).
    public var mayWrite: Bool {
        switch self {
        case .clinician, .administrator, .patient: true
        case .researcher, .dataSteward: false
        }
    }

    /// The purpose of use (a v3-ActReason code) of a request whose token states none: TREAT
    /// for a clinician, HRESCH for a researcher, PATRQT for a patient, HOPERAT for a data
    /// steward and an administrator.
    public var defaultPurposeOfUse: String {
        switch self {
        case .clinician: "TREAT"
        case .researcher: "HRESCH"
        case .patient: "PATRQT"
        case .dataSteward, .administrator: "HOPERAT"
        }
    }

    /// Whether a user in this role may use Kiln's administration API.
    public var mayUseAdministrationAPI: Bool {
        self == .administrator
    }
}
