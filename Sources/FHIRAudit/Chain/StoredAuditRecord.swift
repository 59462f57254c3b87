/// One audit record as the store keeps it: its sequence, its exact canonical bytes and the chain
/// hash written with it.
///
/// The canonical bytes are kept as they were hashed, never re-serialized: they are both what
/// the chain hash covers (through their SHA-256) and the record's Merkle leaf.
public struct StoredAuditRecord: Sendable, Hashable {
    /// The record's position in the log, from ``AuditChain/firstSequence`` (1) up, without gaps.
    public var sequence: Int64
    /// The record's canonical form, byte for byte.
    public var canonicalBytes: [UInt8]
    /// The chain hash stored with the record (``AuditChain/chainHash(previous:sequence:canonicalBytes:)``).
    public var chainHash: AuditDigest

    /// A record as read from the store.
    public init(sequence: Int64, canonicalBytes: [UInt8], chainHash: AuditDigest) {
        self.sequence = sequence
        self.canonicalBytes = canonicalBytes
        self.chainHash = chainHash
    }

    /// The record's Merkle leaf hash: ``MerkleHash/leafHash(_:)`` of its canonical bytes.
    public var leafHash: AuditDigest { MerkleHash.leafHash(canonicalBytes) }
}
