/// How two codes of one system relate (`$subsumes`).
public enum SubsumptionOutcome: String, Sendable, Hashable {
    /// The same concept.
    case equivalent
    /// Code A is an ancestor of code B.
    case subsumes
    /// Code A is a descendant of code B.
    case subsumedBy = "subsumed-by"
    /// Neither.
    case notSubsumed = "not-subsumed"
}
