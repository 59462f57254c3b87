/// Where the bulk loaders' time went, summed over all loaders (so it can exceed the wall-clock
/// time of the load): generating documents, extracting index values, and the database write.
public struct LoadTimeSplit: Sendable, Hashable, Codable {
    /// Generating the synthetic documents (not Kiln's work).
    public let generateSeconds: Double
    /// Kiln's index extraction (`SearchIndexer.entries(for:)`) and stamping.
    public let indexSeconds: Double
    /// The transaction: the three write statements and the commit, waiting for PostgreSQL.
    public let writeSeconds: Double

    /// The three parts' sum.
    public var totalSeconds: Double { generateSeconds + indexSeconds + writeSeconds }
}
