/// What the HTTP half of the research benchmark measured, for the report.
struct ResearchHTTPFigures: Sendable {
    /// The PostgreSQL server.
    let postgres: PostgresFacts
    /// The bulk load.
    let bulkLoad: LoadFigures
    /// Seconds the vacuum took.
    let vacuumSeconds: Double
    /// The comparisons.
    let comparisons: [ResearchComparisonReport]
    /// Notes of the run.
    let notes: [String]
}
