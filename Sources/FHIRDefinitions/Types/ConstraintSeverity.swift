/// ElementDefinition.constraint.severity: what failing an invariant means.
public enum ConstraintSeverity: String, Sendable, Hashable, CaseIterable {
    /// The resource is not valid when the invariant fails.
    case error
    /// The resource is valid but should be looked at when the invariant fails.
    case warning
}
