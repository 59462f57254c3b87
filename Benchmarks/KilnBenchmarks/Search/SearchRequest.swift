import FHIRSearch

/// One search, asked of Kiln over HTTP and, written by hand, of PostgreSQL: the two must return
/// the same rows in the same order.
struct SearchRequest: Sendable {
    /// The request relative to the FHIR base (`Observation?code=…`), or an absolute URL (a next link).
    let kilnPath: String
    /// The same search as hand-written SQL over Kiln's tables, returning `part` (0 for matches,
    /// 1 for included resources), `rid`, `id` and `raw`.
    let sql: SQLStatement
}
