/// Everything the benchmark found about one search: how its parameters were drawn, whether Kiln
/// and the hand-written SQL agree, the plans, and the latency figures at each concurrency.
public struct SearchCaseReport: Sendable, Hashable, Codable {
    /// A short stable key.
    public let key: String
    /// The search as the report names it.
    public let title: String
    /// How the parameters were drawn.
    public let parameters: String
    /// The page size asked for.
    public let pageSize: Int
    /// How many different requests the phases drew from.
    public let requestPool: Int
    /// The representative request, whose plans are shown.
    public let representativeRequest: String
    /// Whether Kiln and the SQL returned the same rows.
    public let agreement: RowAgreement
    /// Kiln's statements for the representative request, explained.
    public let kilnStatements: [ExplainedStatement]
    /// The hand-written SQL for it, explained.
    public let handWritten: ExplainedStatement
    /// The figures at each concurrency, in the order measured.
    public let phases: [SearchPhaseFigures]
}
