/// The figures of one search benchmark run and what they were measured on; `--json` writes this.
public struct SearchBenchmarkReport: Sendable, Hashable, Codable {
    /// `debug` or `release`.
    public let build: String
    /// The command line of the run.
    public let commandLine: String
    /// The machine.
    public let machine: MachineFacts
    /// The PostgreSQL server.
    public let postgres: PostgresFacts
    /// The `--scale` of the run.
    public let scale: Double
    /// What was stored.
    public let data: SearchDataFigures
    /// The bulk load through the store.
    public let bulkLoad: LoadFigures
    /// Resources per bulk transaction.
    public let bulkBatchResources: Int
    /// Where the bulk loaders' time went.
    public let bulkTimeSplit: LoadTimeSplit
    /// The API ingest over HTTP, when any resources were posted.
    public let apiIngest: LoadFigures?
    /// Seconds `VACUUM (ANALYZE)` took after loading.
    public let vacuumSeconds: Double
    /// Length of each measured phase, in seconds.
    public let seconds: Double
    /// Warm-up before each phase, in seconds.
    public let warmupSeconds: Double
    /// The in-process Kiln's database pool size.
    public let kilnPoolConnections: Int
    /// The searches.
    public let cases: [SearchCaseReport]
    /// Anything a reader must know.
    public let notes: [String]
}
