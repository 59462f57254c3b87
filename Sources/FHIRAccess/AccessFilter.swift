/// The restriction an access decision puts on every read the store performs.
///
/// The search compiler turns it into SQL applied to the match set and inside every chain,
/// `_has`, `_include` and `_revinclude` subquery, before any LIMIT, so rows a caller may not see
/// are never fetched.
public enum AccessFilter: Sendable, Hashable {
    /// Every resource of the allowed types may be returned.
    case unrestricted
    /// Resources of types in the Patient compartment only when they are in the compartment of
    /// one of these patients (a Patient is in its own); resources of types outside the
    /// compartment (Practitioner, Organization, …) are not restricted by it.
    case patientCompartment(patientIDs: [String])
}
