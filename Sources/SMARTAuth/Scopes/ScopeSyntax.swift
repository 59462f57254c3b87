/// Which version of the SMART scope syntax a resource scope was written in.
public enum ScopeSyntax: String, Sendable, Hashable {
    /// SMART 1: `read`, `write` or `*` after the dot.
    case v1
    /// SMART 2: the letters `c`, `r`, `u`, `d`, `s` after the dot, optionally with a query.
    case v2
}
