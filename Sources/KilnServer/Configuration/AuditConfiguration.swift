/// How the audit log's checkpoints are made while the server runs (see ``AuditCheckpointer``):
/// `kiln serve --audit-checkpoint-records N --audit-checkpoint-interval SECONDS
/// --audit-checkpoint-file FILE`.
///
/// ```swift
/// let audit = try AuditConfiguration(checkpointRecords: 10_000, checkpointInterval: .seconds(60), checkpointFile: "/var/lib/kiln/checkpoints.jsonl")
/// ```
public struct AuditConfiguration: Sendable, Hashable, CustomStringConvertible {
    /// The default of ``checkpointRecords``: a checkpoint every 10,000 records.
    public static let defaultCheckpointRecords: Int64 = 10_000
    /// The default of ``checkpointInterval``: a checkpoint a minute when the log grew.
    public static let defaultCheckpointInterval: Duration = .seconds(60)
    /// The default of ``pollInterval``: the log is read for new records every second.
    public static let defaultPollInterval: Duration = .seconds(1)
    /// The default of ``batchSize``: leaves read per query.
    public static let defaultBatchSize = 50_000

    /// A checkpoint is signed whenever the log reaches a multiple of this many records, so
    /// every node signs the same sizes and the store keeps one of each.
    public var checkpointRecords: Int64
    /// A checkpoint is also signed when the log grew and the newest stored checkpoint (of any
    /// node) is this old.
    public var checkpointInterval: Duration
    /// A file every checkpoint this node stores is also appended to, as one JSON line: a copy
    /// kept where the database administrator cannot rewrite it, for `kiln audit verify --checkpoint`.
    public var checkpointFile: String?
    /// How often the log is read for new records.
    public var pollInterval: Duration
    /// How many leaves are read per query.
    public var batchSize: Int

    /// A configuration; throws when a count or a duration is not positive.
    public init(
        checkpointRecords: Int64 = AuditConfiguration.defaultCheckpointRecords,
        checkpointInterval: Duration = AuditConfiguration.defaultCheckpointInterval,
        checkpointFile: String? = nil,
        pollInterval: Duration = AuditConfiguration.defaultPollInterval,
        batchSize: Int = AuditConfiguration.defaultBatchSize
    ) throws(AuditConfigurationError) {
        guard checkpointRecords >= 1 else { throw .notPositive("the records between checkpoints", "\(checkpointRecords)") }
        guard checkpointInterval > .zero else { throw .notPositive("the checkpoint interval", "\(checkpointInterval)") }
        guard pollInterval > .zero else { throw .notPositive("the poll interval", "\(pollInterval)") }
        guard batchSize >= 1 else { throw .notPositive("the batch size", "\(batchSize)") }
        self.checkpointRecords = checkpointRecords
        self.checkpointInterval = checkpointInterval
        self.checkpointFile = checkpointFile.flatMap { $0.isEmpty ? nil : $0 }
        self.pollInterval = pollInterval
        self.batchSize = batchSize
    }

    /// The defaults: every 10,000 records or 60 seconds, no file.
    public static let standard = AuditConfiguration(defaults: ())

    /// The defaults, which need no checking.
    private init(defaults: Void) {
        checkpointRecords = Self.defaultCheckpointRecords
        checkpointInterval = Self.defaultCheckpointInterval
        checkpointFile = nil
        pollInterval = Self.defaultPollInterval
        batchSize = Self.defaultBatchSize
    }

    /// The settings, for the start-up log.
    public var description: String {
        "checkpoint every \(checkpointRecords) records or \(checkpointInterval) when the log grew; file \(checkpointFile ?? "none")"
    }
}

/// Why an audit configuration was refused.
public enum AuditConfigurationError: Error, Sendable, Hashable, CustomStringConvertible {
    /// A count or duration that must be positive is not: what, and the value given.
    case notPositive(String, String)

    /// The problem, for the operator.
    public var description: String {
        switch self {
        case let .notPositive(what, value): "\(what) must be positive, not \(value)"
        }
    }
}
