public import FHIRAudit

/// What the checkpointer and the proofs need of a record: its sequence, its Merkle leaf hash
/// (computed by PostgreSQL from the stored bytes) and its stored chain hash; 72 bytes however
/// large the record.
public struct AuditLeaf: Sendable, Hashable {
    /// The record's sequence.
    public var sequence: Int64
    /// SHA-256(0x00 ‖ canonical bytes), the record's leaf in the Merkle tree.
    public var leafHash: AuditDigest
    /// The chain hash stored with the record.
    public var chainHash: AuditDigest

    /// A leaf as read from the store.
    public init(sequence: Int64, leafHash: AuditDigest, chainHash: AuditDigest) {
        self.sequence = sequence
        self.leafHash = leafHash
        self.chainHash = chainHash
    }
}
