public import Crypto

/// Checks an audit log record by record, in one pass and bounded memory (a few hashes, the
/// Merkle frontier and the checkpoints), and reports the first problem: its kind and sequence.
///
/// Feed it every stored record in the order the store returns them (by sequence), then call
/// ``finish()``:
///
/// ```swift
/// var verifier = AuditLogVerifier(checkpoints: checkpoints, publicKey: key)
/// for record in records {
///     if let finding = verifier.check(record) { print(finding); break }
/// }
/// let findings = verifier.finish()   // empty when the log is intact
/// ```
///
/// Let e be the sequence the next record should have (1 at the start) and P the chain hash of
/// the last record that continued the chain (the genesis at the start). A record *links as n
/// after h* when its stored chain hash is ``AuditChain/chainHash(previous:sequence:canonicalBytes:)``
/// of h, n and its bytes. Each record is judged by the first rule that applies:
///
/// 1. It has sequence e and links as e after P: it continues the chain.
/// 2. It links as e − 1 after the hash before P: it is the genuine record e − 1, so the record
///    taken as e − 1 was put in: **inserted** at e − 1.
/// 3. Its sequence is below e: a second record with a sequence already seen: **inserted** at
///    its sequence.
/// 4. Its sequence is above e: judged with the record after it. If that one links as e after P,
///    record e came late: **reordered** at e; otherwise **deleted** at e, the first missing.
/// 5. It has sequence e but does not link: judged with the record after it (N).
///    - N links as e + 1 after this record's stored hash: this record's hash is the original
///      and its bytes changed: **altered** at e.
///    - N links as e after P: N is the genuine record e. If this record links as e + 1 after N,
///      the two traded places: **reordered** at e; otherwise this one was put in: **inserted**
///      at e.
///    - The two records' bytes traded places while their hashes stayed: **reordered** at e.
///    - N links as e + 2 after this record's stored hash: record e was removed and the later
///      records renumbered: **deleted** at e.
///    - Otherwise, and for the last record of the log: **altered** at e.
///
/// Checkpoints are verified with the public key first (with several keys, the one the
/// checkpoint's `kid` names, or any of them when it names none); one whose signature fails, or
/// that names a key not given, is reported (**badSignature** at its tree size) and used for
/// nothing else. When the chain reaches a
/// checkpoint's tree size, the Merkle root and chain head of the records so far must be the
/// checkpoint's, or it is **truncated** at that size (the records up to it were rewritten,
/// links and all); when checkpoints cover more records than the log has, it is **truncated**
/// at the first sequence missing (one finding, however many checkpoints). The chain needs no key, so only checkpoints catch a rewrite that
/// recomputed every link; records after the last checkpoint are protected by the chain alone.
///
/// After the first problem the verifier stops: later records are not judged, and checkpoints
/// beyond it are only signature-checked.
///
/// A verifier can also resume in the middle of the log, trusting the stored chain hash of the
/// record before where it starts (``init(checkpoints:publicKeys:resumingAt:previousChainHash:)``).
/// It then checks every link from there on, and the chain head of each checkpoint the chain
/// reaches, but no Merkle root: those cover records it has not read
/// (``checksMerkleRoots`` is false).
public struct AuditLogVerifier: Sendable {
    /// The checkpoints whose signatures verify, by tree size.
    private let checkpoints: [AuditCheckpoint]
    /// One finding per checkpoint whose signature does not verify.
    private let signatureFindings: [AuditTamperFinding]
    /// The index in `checkpoints` of the first one the chain has not reached.
    private var nextCheckpoint = 0

    /// The sequence the next record should have.
    private var expected = AuditChain.firstSequence
    /// The chain hash of the last record that continued the chain, or the genesis.
    private var head = AuditChain.genesis
    /// The chain hash before `head`, once a record has continued the chain.
    private var previousHead: AuditDigest?
    private var tree = MerkleTreeBuilder()

    /// A record that broke the chain, waiting for the record after it.
    private var chainBreak: ChainBreak?
    /// A checkpoint the last record reached but did not match, reported with the next record
    /// unless that one shows the last record was inserted.
    private var checkpointMismatch: AuditTamperFinding?
    /// The first problem, after which nothing more is judged.
    private var firstFinding: AuditTamperFinding?

    /// Whether the Merkle roots of checkpoints are compared: false when the verifier resumed
    /// after record 1, for the records before it were not read.
    public let checksMerkleRoots: Bool
    /// How many checkpoints the chain reached and compared so far.
    public private(set) var checkpointsCompared = 0

    /// A verifier of the log whose checkpoints these are, signed by the holder of the private key
    /// of `publicKey` (whatever key id they name).
    public init(checkpoints: [AuditCheckpoint], publicKey: P256.Signing.PublicKey) {
        self.init(checkpoints: checkpoints, start: AuditChain.firstSequence, previousChainHash: AuditChain.genesis) { checkpoint in
            checkpoint.hasValidSignature(publicKey: publicKey)
                ? nil : "the signature of the checkpoint of size \(checkpoint.treeSize) at time \(checkpoint.time) does not verify"
        }
    }

    /// A verifier of the whole log whose checkpoints these are, each signed by the key its `kid`
    /// names among `publicKeys` (by any of them when it names none).
    public init(checkpoints: [AuditCheckpoint], publicKeys: [AuditPublicKey]) {
        self.init(checkpoints: checkpoints, publicKeys: publicKeys, resumingAt: AuditChain.firstSequence, previousChainHash: AuditChain.genesis)
    }

    /// A verifier that starts at record `sequence`, trusting `previousChainHash` as the chain hash
    /// of the record before it (the genesis when `sequence` is 1). Checkpoints smaller than
    /// `sequence` − 1 are only signature-checked; of the others, only the chain head is compared
    /// unless `sequence` is 1.
    public init(checkpoints: [AuditCheckpoint], publicKeys: [AuditPublicKey], resumingAt sequence: Int64, previousChainHash: AuditDigest) {
        let keys = Dictionary(publicKeys.map { ($0.keyID, $0.publicKey) }, uniquingKeysWith: { first, _ in first })
        self.init(checkpoints: checkpoints, start: max(sequence, AuditChain.firstSequence), previousChainHash: previousChainHash) { checkpoint in
            if let keyID = checkpoint.keyID {
                guard let key = keys[keyID] else {
                    return "the checkpoint of size \(checkpoint.treeSize) names key \(keyID), which is not one of the log's keys"
                }
                return checkpoint.hasValidSignature(publicKey: key)
                    ? nil : "the signature of the checkpoint of size \(checkpoint.treeSize) at time \(checkpoint.time) does not verify with key \(keyID)"
            }
            return keys.values.contains { checkpoint.hasValidSignature(publicKey: $0) }
                ? nil : "the signature of the checkpoint of size \(checkpoint.treeSize) at time \(checkpoint.time) verifies with none of the log's keys"
        }
    }

    /// The verifier starting at `start` after `previousChainHash`, trusting the checkpoints for
    /// which `signatureProblem` returns nil.
    private init(checkpoints: [AuditCheckpoint], start: Int64, previousChainHash: AuditDigest, signatureProblem: (AuditCheckpoint) -> String?) {
        var trusted: [AuditCheckpoint] = []
        var findings: [AuditTamperFinding] = []
        for checkpoint in checkpoints {
            if let problem = signatureProblem(checkpoint) {
                findings.append(AuditTamperFinding(sequence: checkpoint.treeSize, kind: .badSignature, detail: problem, checkpointTreeSize: checkpoint.treeSize))
            } else {
                trusted.append(checkpoint)
            }
        }
        let sorted = trusted.sorted { $0.treeSize < $1.treeSize }
        self.checkpoints = sorted
        self.signatureFindings = findings
        self.expected = start
        self.head = previousChainHash
        self.checksMerkleRoots = start == AuditChain.firstSequence
        // Checkpoints of records before the one the chain is trusted at cannot be compared.
        self.nextCheckpoint = sorted.firstIndex { $0.treeSize >= start - 1 } ?? sorted.count
        compareCheckpoints()
    }

    /// Judges the next stored record. Returns the log's first problem as soon as it is known,
    /// which may be with a later record than the one at fault (a record that breaks the chain is
    /// judged with the record after it; a checkpoint mismatch is reported with the next record).
    /// Returns nil otherwise, and for every record after the first problem.
    public mutating func check(_ record: StoredAuditRecord) -> AuditTamperFinding? {
        guard firstFinding == nil else { return nil }
        let link = ChainLink(record)
        if let chainBreak {
            return report(chainBreak.finding(next: link))
        }
        if link.sequence == expected, link.links(after: head, as: expected) {
            if let checkpointMismatch { return report(checkpointMismatch) }
            accept(link, leafHash: checksMerkleRoots ? record.leafHash : nil)
            return nil
        }
        if let previousHead, link.links(after: previousHead, as: expected - 1) {
            return report(
                AuditTamperFinding(
                    sequence: expected - 1, kind: .inserted,
                    detail: "a record that is not in the chain was taken as \(expected - 1); the genuine one comes after it"))
        }
        if let checkpointMismatch {
            return report(checkpointMismatch)
        }
        if link.sequence < expected {
            return report(
                AuditTamperFinding(
                    sequence: link.sequence, kind: .inserted,
                    detail: "a second record with sequence \(link.sequence) comes after record \(expected - 1)"))
        }
        chainBreak = ChainBreak(expected: expected, head: head, record: link)
        return nil
    }

    /// Every problem found, by sequence: the log's first problem with the records (judging a
    /// break left by the last record, which has no record after it), checkpoints the records do
    /// not reach, and checkpoints whose signature fails. Empty when the log is intact.
    public func finish() -> [AuditTamperFinding] {
        var findings: [AuditTamperFinding] = []
        if let first = firstFinding ?? chainBreak?.finding(next: nil) ?? checkpointMismatch {
            findings.append(first)
        } else if let largest = checkpoints.last, largest.treeSize > expected - 1 {
            findings.append(
                AuditTamperFinding(
                    sequence: expected, kind: .truncated,
                    detail: "a checkpoint covers \(largest.treeSize) records; the log ends at \(expected - 1)",
                    checkpointTreeSize: largest.treeSize))
        }
        findings.append(contentsOf: signatureFindings)
        return findings.enumerated()
            .sorted { ($0.element.sequence, $0.offset) < ($1.element.sequence, $1.offset) }
            .map(\.element)
    }

    /// Takes `link` as record `expected` and compares the checkpoints of that size.
    private mutating func accept(_ link: ChainLink, leafHash: AuditDigest?) {
        previousHead = head
        head = link.storedHash
        if let leafHash { tree.append(leafHash: leafHash) }
        expected += 1
        compareCheckpoints()
    }

    /// Compares every checkpoint of the size the chain has reached with the records so far.
    private mutating func compareCheckpoints() {
        let verified = expected - 1
        var root: AuditDigest?
        while nextCheckpoint < checkpoints.count, checkpoints[nextCheckpoint].treeSize <= verified {
            let checkpoint = checkpoints[nextCheckpoint]
            nextCheckpoint += 1
            checkpointsCompared += 1
            let rootDiffers: Bool
            if checksMerkleRoots {
                let currentRoot = root ?? tree.root
                root = currentRoot
                rootDiffers = checkpoint.root != currentRoot
            } else {
                rootDiffers = false
            }
            if checkpointMismatch == nil, rootDiffers || checkpoint.chainHead != head {
                let what = rootDiffers ? "Merkle root" : "chain head"
                checkpointMismatch = AuditTamperFinding(
                    sequence: verified, kind: .truncated,
                    detail: "the records up to \(verified) no longer have the \(what) of the checkpoint of that size",
                    checkpointTreeSize: checkpoint.treeSize)
            }
        }
    }

    private mutating func report(_ finding: AuditTamperFinding) -> AuditTamperFinding {
        firstFinding = finding
        chainBreak = nil
        return finding
    }
}
