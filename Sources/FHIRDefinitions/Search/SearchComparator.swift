/// SearchParameter.comparator: a prefix on an ordered value, such as `ge` in `date=ge2020`.
public enum SearchComparator: String, Sendable, Hashable, CaseIterable {
    /// Equal (the default when no prefix is given).
    case eq
    /// Not equal.
    case ne
    /// Greater than.
    case gt
    /// Less than.
    case lt
    /// Greater than or equal.
    case ge
    /// Less than or equal.
    case le
    /// Starts after.
    case sa
    /// Ends before.
    case eb
    /// Approximately equal.
    case ap
}
