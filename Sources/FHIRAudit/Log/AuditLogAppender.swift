public import Crypto

/// The writing side of the audit log: numbers each record, links it into the chain and adds it
/// to the Merkle tree, so that appending a record and signing a checkpoint cost O(log n) and
/// the appender holds O(log n) hashes however long the log.
///
/// ```swift
/// var log = AuditLogAppender()
/// let record = log.append(canonicalBytes: bytes)   // store record.sequence, bytes, record.chainHash
/// let checkpoint = try log.checkpoint(time: now, signingKey: key)
/// ```
public struct AuditLogAppender: Sendable {
    /// The sequence of the last record appended; 0 before the first.
    public private(set) var lastSequence: Int64 = 0
    /// The chain hash of the last record appended; ``AuditChain/genesis`` before the first.
    public private(set) var chainHead = AuditChain.genesis
    private var tree = MerkleTreeBuilder()

    /// The appender of a new, empty log.
    public init() {}

    /// The number of records appended: the size of the Merkle tree.
    public var treeSize: Int64 { lastSequence }

    /// The root of the Merkle tree over every record appended.
    public var root: AuditDigest { tree.root }

    /// Appends the record whose canonical form is `canonicalBytes`, returning it as it is to be
    /// stored: the next sequence and its chain hash.
    public mutating func append(canonicalBytes: [UInt8]) -> StoredAuditRecord {
        let sequence = lastSequence + 1
        let chainHash = AuditChain.chainHash(previous: chainHead, sequence: sequence, canonicalBytes: canonicalBytes)
        tree.append(leafHash: MerkleHash.leafHash(canonicalBytes))
        lastSequence = sequence
        chainHead = chainHash
        return StoredAuditRecord(sequence: sequence, canonicalBytes: canonicalBytes, chainHash: chainHash)
    }

    /// A checkpoint of the log as it is now, at `time` (Unix seconds), signed with `signingKey`
    /// and naming `keyID` as its signer when given.
    public func checkpoint(time: Int64, signingKey: P256.Signing.PrivateKey, keyID: String? = nil) throws(AuditCheckpointError) -> AuditCheckpoint {
        try AuditCheckpoint.signed(treeSize: treeSize, root: root, chainHead: chainHead, time: time, signingKey: signingKey, keyID: keyID)
    }

    /// A checkpoint of the log as it is now, at `time`, signed with `key` and naming it.
    public func checkpoint(time: Int64, key: AuditSigningKey) throws(AuditCheckpointError) -> AuditCheckpoint {
        try key.sign(treeSize: treeSize, root: root, chainHead: chainHead, time: time)
    }
}
