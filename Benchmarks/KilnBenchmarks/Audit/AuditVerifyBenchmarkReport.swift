/// The figures of one `kiln bench audit-verify` run.
public struct AuditVerifyBenchmarkReport: Sendable, Codable {
    /// `debug` or `release`.
    public var build: String
    /// Records in the log.
    public var records: Int
    /// Mean canonical size of a record, in bytes.
    public var meanRecordBytes: Double
    /// Size of the audit_record table with its indexes and TOAST, in bytes.
    public var tableBytes: Int64
    /// Seconds to fill the log (generation, chaining, INSERTs) and VACUUM ANALYZE it.
    public var fillSeconds: Double
    /// Seconds for a new checkpointer to read the Merkle tree from record 1 and sign its checkpoints.
    public var checkpointerCatchUpSeconds: Double
    /// Checkpoints stored.
    public var checkpoints: Int
    /// Seconds of the verification, end to end: keys, checkpoints, every record read and checked.
    public var verifySeconds: Double
    /// Records verified per second.
    public var verifyRecordsPerSecond: Double
    /// What the verification printed.
    public var verifySummary: String
    /// Seconds of the first inclusion proof (filling the block cache) and of a second one.
    public var firstProofSeconds: Double
    /// Seconds of an inclusion proof with the block cache filled.
    public var cachedProofSeconds: Double
}
