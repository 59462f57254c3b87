/// The root of a growing Merkle tree (RFC 6962 §2.1), one leaf at a time: O(1) amortized time per
/// leaf, O(log n) memory, so the log of a million records is hashed in one pass.
///
/// The builder keeps the frontier: the roots of the perfect subtrees the leaves so far fall
/// into, one per set bit of ``size``, largest first. Appending a leaf merges equal-sized
/// subtrees like carrying in binary addition; the root folds the frontier from the right,
/// which is exactly where RFC 6962 splits (at the largest power of two smaller than n).
///
/// ```swift
/// var tree = MerkleTreeBuilder()
/// for record in records { tree.append(leafHash: MerkleHash.leafHash(record.canonicalBytes)) }
/// tree.root   // the same as MerkleHash.root(ofLeafHashes:) over all of them
/// ```
public struct MerkleTreeBuilder: Sendable, Hashable {
    /// The number of leaves appended so far.
    public private(set) var size = 0

    /// The roots of the perfect subtrees covering the leaves, largest (leftmost) first.
    private var frontier: [AuditDigest] = []

    /// An empty tree.
    public init() {
        frontier.reserveCapacity(Int.bitWidth)
    }

    /// Adds the next leaf, by its leaf hash (``MerkleHash/leafHash(_:)``).
    public mutating func append(leafHash: AuditDigest) {
        var subtree = leafHash
        var carry = size
        while carry & 1 == 1, let left = frontier.popLast() {
            subtree = MerkleHash.nodeHash(left: left, right: subtree)
            carry >>= 1
        }
        frontier.append(subtree)
        size += 1
    }

    /// The root of the tree of the leaves so far; ``MerkleHash/emptyRoot`` when there are none.
    /// O(log n): call it when a root is needed, not after every leaf.
    public var root: AuditDigest {
        guard var root = frontier.last else { return MerkleHash.emptyRoot }
        for left in frontier.dropLast().reversed() {
            root = MerkleHash.nodeHash(left: left, right: root)
        }
        return root
    }

    /// The number of subtree roots the builder holds: one per set bit of ``size``, never more
    /// than 64.
    var frontierCount: Int { frontier.count }
}
