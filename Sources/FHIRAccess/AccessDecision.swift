/// The answer to an ``AccessRequest``: allowed with a filter for the store, or denied with a reason.
public enum AccessDecision: Sendable, Hashable {
    /// Allowed; every read the interaction performs applies `filter`.
    case allow(AccessFilter)
    /// Denied, with a reason a person can act on.
    case deny(reason: String)
}
