/// What `kiln bench audit-verify` runs.
public struct AuditVerifyBenchmarkOptions: Sendable {
    /// The default number of records: one million.
    public static let defaultRecords = 1_000_000
    /// The default number of concurrent loaders filling the log.
    public static let defaultLoaders = 2
    /// Records per INSERT while filling.
    public static let fillBatch = 2_000

    /// How many records to fill the log with.
    public var records: Int
    /// Concurrent loaders filling the log.
    public var loaders: Int
    /// Records read per query by the verification.
    public var batchSize: Int
    /// Also write the figures to this file as JSON.
    public var jsonPath: String?
    /// Keep the database afterwards (its name is printed) rather than dropping it.
    public var keepDatabase: Bool

    /// Options; by default a million records, two loaders, the verification's own batch size.
    public init(records: Int = defaultRecords, loaders: Int = defaultLoaders, batchSize: Int = 5_000, jsonPath: String? = nil, keepDatabase: Bool = false) {
        self.records = records
        self.loaders = loaders
        self.batchSize = batchSize
        self.jsonPath = jsonPath
        self.keepDatabase = keepDatabase
    }

    /// Throws when an option cannot be used.
    public func validate() throws(BenchmarkError) {
        guard records >= 1 else { throw .invalidOption("--records must be at least 1") }
        guard loaders >= 1 else { throw .invalidOption("--loaders must be at least 1") }
        guard batchSize >= 1 else { throw .invalidOption("--batch-size must be at least 1") }
    }
}
