import FHIRAudit
import FHIRStore

/// The Merkle roots of the log's complete blocks of ``blockSize`` records (aligned: records
/// 1…B, B+1…2B, …), kept in memory, so that an inclusion proof reads at most two blocks of leaf
/// hashes from PostgreSQL instead of the whole tree: 32 bytes per block, 8 KB per million
/// records with the default block of 4,096.
///
/// A block's root is computed from the store the first time a proof needs it and kept: records
/// are never changed (a changed one would make the proofs fail to verify, as it should).
///
/// ```swift
/// let cache = AuditSubtreeCache()
/// let proof = try await AuditProofs.inclusionProof(log: log, recordID: id, cache: cache)
/// ```
public actor AuditSubtreeCache {
    /// The default block size: 4,096 records.
    public static let defaultBlockSize = 4_096
    /// Leaves read per query when filling blocks.
    static let readBatch = 65_536

    /// The records per block: a power of two.
    public nonisolated let blockSize: Int
    /// The roots of blocks 0, 1, … in order.
    private var roots: [AuditDigest] = []

    /// A cache of blocks of `blockSize` records, rounded up to a power of two (at least 2).
    public init(blockSize: Int = AuditSubtreeCache.defaultBlockSize) {
        var size = 2
        while size < blockSize { size <<= 1 }
        self.blockSize = size
    }

    /// The roots of the blocks `blocks` (by index from 0), all of them complete in the log;
    /// the missing ones are computed from `log`'s leaf hashes.
    func roots(of blocks: Range<Int>, log: AuditLogStore) async throws -> [AuditDigest] {
        if blocks.upperBound > roots.count {
            let first = roots.count
            var computed: [AuditDigest] = []
            var builder = MerkleTreeBuilder()
            var next = Int64(first * blockSize) + 1
            let end = Int64(blocks.upperBound * blockSize)
            while next <= end {
                let leaves = try await log.leaves(from: next, through: end, limit: Self.readBatch)
                guard !leaves.isEmpty else { throw AuditProofError.logChanged }
                for leaf in leaves {
                    guard leaf.sequence == next else { throw AuditProofError.logChanged }
                    builder.append(leafHash: leaf.leafHash)
                    if builder.size == blockSize {
                        computed.append(builder.root)
                        builder = MerkleTreeBuilder()
                    }
                    next += 1
                }
            }
            // Another proof may have filled some of them meanwhile; they are the same roots.
            for (offset, root) in computed.enumerated() where first + offset == roots.count {
                roots.append(root)
            }
        }
        return Array(roots[blocks])
    }
}
