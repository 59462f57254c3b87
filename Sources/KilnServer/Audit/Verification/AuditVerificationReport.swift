public import FHIRAudit

/// What ``AuditLogVerification`` found: how much it read and checked, and every finding, the
/// first (by sequence) being the one `kiln audit verify` prints.
///
/// ```swift
/// let report = try await AuditLogVerification.run(log: log, keys: keys)
/// print(report.summary)      // "intact: 1000000 records, 100 checkpoints, head 5b1f…"
/// exit(report.exitStatus)    // 0 intact, 1 tampered
/// ```
public struct AuditVerificationReport: Sendable, Hashable {
    /// The sequence verification started at: 1, or `--from`.
    public var startSequence: Int64
    /// The records read and verified (all of them from ``startSequence`` when intact).
    public var recordCount: Int64
    /// The checkpoints verified: the database's, and those only the checkpoint file holds.
    public var checkpointCount: Int
    /// The chain hash of the last record verified (the genesis, or the trusted start, when none was).
    public var head: AuditDigest
    /// Every problem found, by sequence; empty when the log is intact.
    public var findings: [AuditTamperFinding]
    /// What could not be checked and why (with `--from`, the checkpoints' Merkle roots).
    public var notes: [String]

    /// A report.
    public init(startSequence: Int64, recordCount: Int64, checkpointCount: Int, head: AuditDigest, findings: [AuditTamperFinding], notes: [String]) {
        self.startSequence = startSequence
        self.recordCount = recordCount
        self.checkpointCount = checkpointCount
        self.head = head
        self.findings = findings
        self.notes = notes
    }

    /// Whether nothing was found.
    public var isIntact: Bool { findings.isEmpty }

    /// The exit status of `kiln audit verify`: 0 intact, 1 tampered.
    public var exitStatus: Int32 {
        isIntact ? AuditVerificationExit.intact.rawValue : AuditVerificationExit.tampered.rawValue
    }

    /// The line `kiln audit verify` prints: `intact: N records, M checkpoints, head <hex>`, or
    /// the first finding (``AuditVerificationReport/line(for:)``).
    public var summary: String {
        guard let first = findings.first else {
            let from = startSequence > AuditChain.firstSequence ? " from \(startSequence)" : ""
            return "intact: \(recordCount) records\(from), \(checkpointCount) checkpoints, head \(head.hex)"
        }
        return line(for: first)
    }

    /// A finding as one line: `altered record 1234`, `record 77 deleted`, `inserted at 5`,
    /// `reordered at 7`, `truncated: checkpoint of 50000 records no longer matches (log has
    /// 49000)`, `bad signature: checkpoint of 500 records`, `checkpoint of 500 records missing
    /// from the database`, `checkpoint of 500 records differs from the checkpoint file`, each
    /// followed by the verifier's detail.
    public func line(for finding: AuditTamperFinding) -> String {
        let size = finding.checkpointTreeSize ?? finding.sequence
        let logEnd = startSequence + recordCount - 1
        let head: String
        switch finding.kind {
        case .altered: head = "altered record \(finding.sequence)"
        case .deleted: head = "record \(finding.sequence) deleted"
        case .inserted: head = "inserted at \(finding.sequence)"
        case .reordered: head = "reordered at \(finding.sequence)"
        case .truncated:
            // Either the log ends before what a checkpoint (or the chain head) covers, or the
            // records up to a checkpoint's size are no longer those it signed.
            if finding.checkpointTreeSize == nil {
                head = "truncated: the log ends at \(finding.sequence - 1)"
            } else if finding.sequence == logEnd + 1 {
                head = "truncated: checkpoint of \(size) records no longer matches (log has \(logEnd))"
            } else {
                head = "truncated: checkpoint of \(size) records no longer matches (records up to \(size) rewritten)"
            }
        case .badSignature: head = "bad signature: checkpoint of \(size) records"
        case .missingCheckpoint: head = "checkpoint of \(size) records missing from the database"
        case .alteredCheckpoint: head = "checkpoint of \(size) records differs from the checkpoint file"
        }
        return "\(head) — \(finding.detail)"
    }
}

/// The exit statuses of `kiln audit verify`.
public enum AuditVerificationExit: Int32, Sendable, Hashable {
    /// The log and its checkpoints are intact.
    case intact = 0
    /// Something was found.
    case tampered = 1
    /// The log or a checkpoint file could not be read (no database, a bad file).
    case unreadable = 2

    /// The status of a verification that returned `result`: the report's, or 2 for an error.
    public static func status(of result: Result<AuditVerificationReport, any Error>) -> AuditVerificationExit {
        switch result {
        case .success(let report): report.isIntact ? .intact : .tampered
        case .failure: .unreadable
        }
    }
}
