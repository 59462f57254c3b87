/// A problem the verifier found in an audit log: what kind, at which sequence, and a sentence
/// saying what it saw.
public struct AuditTamperFinding: Sendable, Hashable, CustomStringConvertible {
    /// What was done to the log, as far as the records and checkpoints tell.
    public enum Kind: String, Sendable, Hashable, CaseIterable {
        /// The record's bytes (or its stored chain hash) were changed: it no longer hashes to
        /// the chain hash stored with it, while the records around it still chain.
        case altered
        /// A record was added that is not part of the chain: the genuine record of that sequence
        /// comes after it, or its sequence was seen before.
        case inserted
        /// The record of this sequence is missing: the sequences skip it, or the genuine records
        /// after it were renumbered down to fill the gap.
        case deleted
        /// The record of this sequence is there but in the wrong place: it comes after a later
        /// one, or two records traded places.
        case reordered
        /// Records a signed checkpoint covers are missing from the end of the log, or the records
        /// up to a checkpoint's size no longer have its Merkle root or chain head (they were
        /// rewritten, links and all, or cut off and written anew).
        case truncated
        /// A checkpoint's signature does not verify with the log's public key, so it proves
        /// nothing and was not used.
        case badSignature
        /// A checkpoint kept outside the store (a checkpoint file) is not in the store: it was
        /// removed, perhaps to hide what it covers.
        case missingCheckpoint
        /// A checkpoint kept outside the store differs from the store's checkpoint of the same
        /// size: one of the two was changed.
        case alteredCheckpoint
    }

    /// The sequence the problem is at (see ``AuditLogVerifier`` for which one each kind names).
    public let sequence: Int64
    /// The kind of problem.
    public let kind: Kind
    /// What the verifier saw, for a person.
    public let detail: String
    /// The tree size of the checkpoint the finding is about, for the kinds about checkpoints
    /// (truncated, badSignature, missingCheckpoint, alteredCheckpoint); nil for the others.
    public let checkpointTreeSize: Int64?

    /// A finding of `kind` at `sequence`, about the checkpoint of `checkpointTreeSize` records
    /// when it concerns one.
    public init(sequence: Int64, kind: Kind, detail: String, checkpointTreeSize: Int64? = nil) {
        self.sequence = sequence
        self.kind = kind
        self.detail = detail
        self.checkpointTreeSize = checkpointTreeSize
    }

    /// `kind at sequence: detail`.
    public var description: String { "\(kind.rawValue) at \(sequence): \(detail)" }
}
