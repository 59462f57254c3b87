/// The restriction an access decision puts on every read the store performs.
///
/// The store turns it into SQL, so rows a caller may not see are never fetched. For now the only
/// filter is ``unrestricted``; SMART scopes, compartments and Consent add cases here.
public enum AccessFilter: Sendable, Hashable {
    /// Every resource of the allowed types may be returned.
    case unrestricted
}
