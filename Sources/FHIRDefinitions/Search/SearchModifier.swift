/// SearchParameter.modifier: a suffix on a parameter name, such as `:exact` in `name:exact=Eve`.
public enum SearchModifier: String, Sendable, Hashable, CaseIterable {
    /// Whether the element is missing (`:missing=true`).
    case missing
    /// Exact, case-sensitive string match.
    case exact
    /// String match anywhere in the value.
    case contains
    /// Token that does not match.
    case not
    /// Token matched on its display text.
    case text
    /// Token in a value set.
    case `in`
    /// Token not in a value set.
    case notIn = "not-in"
    /// Code or URI subsumed by the value.
    case below
    /// Code or URI that subsumes the value.
    case above
    /// Reference restricted to a resource type.
    case type
    /// Reference matched on its identifier.
    case identifier
    /// Identifier matched on its type and value.
    case ofType
}
