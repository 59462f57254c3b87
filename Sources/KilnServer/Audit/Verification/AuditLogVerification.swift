public import FHIRAudit
public import FHIRStore
import Foundation

/// `kiln audit verify` as a function: walks the log in the database from record 1 (or from
/// `from`, trusting the stored chain hash of the record before it) in batches, every record
/// through ``FHIRAudit/AuditLogVerifier``, against every checkpoint of the database and of a
/// checkpoint file, and reports what it found.
///
/// Beyond the verifier's findings it reports a checkpoint of the file that the database lacks
/// (``FHIRAudit/AuditTamperFinding/Kind/missingCheckpoint``) or holds otherwise
/// (``FHIRAudit/AuditTamperFinding/Kind/alteredCheckpoint``), a stored checkpoint that is no
/// checkpoint (badSignature), and a log that ends before the record its chain head row names
/// (truncated) or whose last record is not the one that row holds the hash of (altered).
///
/// Memory stays bounded: two batches of records at a time, the next read while this one is
/// checked; reading stops at the first problem.
///
/// ```swift
/// let report = try await AuditLogVerification.run(log: log, keys: keys, extraCheckpoints: try AuditCheckpointFile(path: path).read())
/// print(report.summary)
/// ```
public enum AuditLogVerification {
    /// Records read per query.
    public static let defaultBatchSize = 5_000

    /// Verifies the log of `log` with the public keys of `keys` (or `trustedKeys`, when given:
    /// keys kept apart from the database, e.g. a saved `GET /audit/keys`), from record `from`,
    /// with `extraCheckpoints` (the checkpoint file) beside the stored ones. Throws when the
    /// database cannot be read, or `from` is after the end of the log.
    public static func run(
        log: AuditLogStore,
        keys: AuditKeyStore,
        trustedKeys: [AuditPublicKey]? = nil,
        from: Int64? = nil,
        extraCheckpoints: [AuditCheckpoint] = [],
        batchSize: Int = defaultBatchSize
    ) async throws -> AuditVerificationReport {
        let start = max(from ?? AuditChain.firstSequence, AuditChain.firstSequence)
        let publicKeys: [AuditPublicKey]
        if let trustedKeys {
            publicKeys = trustedKeys
        } else {
            publicKeys = try await keys.publicKeys()
        }
        let stored = try await log.storedCheckpoints()
        let checkpoints = AuditCheckpointSet(stored: stored, file: extraCheckpoints)
        let head = try await log.head()
        var previous = AuditChain.genesis
        if start > AuditChain.firstSequence {
            guard let before = try await log.record(sequence: start - 1) else {
                throw AuditVerificationError.startAfterEnd(from: start, lastSequence: head.sequence)
            }
            previous = before.chainHash
        }
        var verifier = AuditLogVerifier(checkpoints: checkpoints.all, publicKeys: publicKeys, resumingAt: start, previousChainHash: previous)
        var last = StoredAuditRecord(sequence: start - 1, canonicalBytes: [], chainHash: previous)
        var count: Int64 = 0
        var stoppedEarly = false
        var reader = AuditRecordBatchReader(log: log, from: start, batchSize: batchSize)
        reading: while let batch = try await reader.next() {
            for record in batch {
                count += 1
                last = record
                if verifier.check(record) != nil {
                    stoppedEarly = true
                    break reading
                }
            }
        }
        reader.cancel()
        var findings = verifier.finish() + checkpoints.findings
        if !stoppedEarly, findings.allSatisfy({ [.badSignature, .missingCheckpoint, .alteredCheckpoint].contains($0.kind) }),
           let problem = headProblem(head: head, last: last) {
            findings.append(problem)
        }
        findings = findings.enumerated()
            .sorted { ($0.element.sequence, $0.offset) < ($1.element.sequence, $1.offset) }
            .map(\.element)
        var notes: [String] = []
        if start > AuditChain.firstSequence {
            let reached = checkpoints.all.filter { $0.treeSize >= start - 1 }.count
            notes.append(
                "from \(start): the chain was trusted at record \(start - 1); the Merkle roots of the checkpoints could not be checked "
                    + "(\(reached) checkpoints of \(start - 1) records or more had their chain heads compared, "
                    + "\(checkpoints.all.count - reached) below \(start - 1) were not compared)")
        }
        return AuditVerificationReport(
            startSequence: start, recordCount: count, checkpointCount: checkpoints.all.count, head: last.chainHash, findings: findings, notes: notes)
    }

    /// The chain head row against the last record read: a log that ends before the record the
    /// head names lost its tail; a last record that is the head's but has another hash was changed.
    private static func headProblem(head: (sequence: Int64, chainHash: AuditDigest), last: StoredAuditRecord) -> AuditTamperFinding? {
        if last.sequence < head.sequence {
            return AuditTamperFinding(
                sequence: last.sequence + 1, kind: .truncated,
                detail: "the chain head names record \(head.sequence), but the log ends at \(last.sequence)")
        }
        if last.sequence == head.sequence, last.chainHash != head.chainHash, head.sequence > 0 {
            return AuditTamperFinding(
                sequence: head.sequence, kind: .altered,
                detail: "the chain head holds another chain hash than the one stored with record \(head.sequence)")
        }
        return nil
    }
}

/// Why the log could not be verified.
public enum AuditVerificationError: Error, Sendable, Hashable, CustomStringConvertible {
    /// `--from` names a record after the end of the log (or the record before it is missing).
    case startAfterEnd(from: Int64, lastSequence: Int64)

    /// The problem, for the operator.
    public var description: String {
        switch self {
        case let .startAfterEnd(from, last):
            "cannot start at record \(from): the record before it is not in the log (the chain head names \(last))"
        }
    }
}
