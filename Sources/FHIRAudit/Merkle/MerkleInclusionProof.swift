/// The audit path of RFC 6962 §2.1.1: the hashes that, with one leaf's hash, recompute the root
/// of the tree, proving that the leaf is at its index in the tree of that size.
///
/// ```swift
/// let proof = try MerkleInclusionProof(leafIndex: 5, leafHashes: leafHashes)
/// proof.verify(leafHash: leafHashes[5], root: checkpoint.root)   // true
/// ```
public struct MerkleInclusionProof: Sendable, Hashable {
    /// The leaf's position, from 0.
    public let leafIndex: Int
    /// The number of leaves of the tree the proof is for.
    public let treeSize: Int
    /// The sibling subtree roots from the leaf up to the root, the leaf's sibling first.
    public let path: [AuditDigest]

    /// A proof as received: the leaf's index, the tree's size and the audit path.
    public init(leafIndex: Int, treeSize: Int, path: [AuditDigest]) {
        self.leafIndex = leafIndex
        self.treeSize = treeSize
        self.path = path
    }

    /// The proof for the leaf at `leafIndex` in the tree of all `leafHashes`: PATH(m, D[n]) of
    /// RFC 6962 §2.1.1. O(n) time: each sibling's root is computed once, over disjoint leaves.
    public init(leafIndex: Int, leafHashes: [AuditDigest]) throws(MerkleProofError) {
        let treeSize = leafHashes.count
        guard leafIndex >= 0, leafIndex < treeSize else {
            throw .leafIndexOutOfRange(index: leafIndex, treeSize: treeSize)
        }
        // Walk down from the root, taking the sibling of the half the leaf is in; the path
        // lists them from the bottom up.
        var siblings: [AuditDigest] = []
        var low = 0
        var high = treeSize
        while high - low > 1 {
            let split = low + MerkleHash.splitPoint(high - low)
            if leafIndex < split {
                siblings.append(MerkleHash.root(ofLeafHashes: leafHashes[split..<high]))
                high = split
            } else {
                siblings.append(MerkleHash.root(ofLeafHashes: leafHashes[low..<split]))
                low = split
            }
        }
        self.init(leafIndex: leafIndex, treeSize: treeSize, path: siblings.reversed())
    }

    /// The root the path leads to from `leafHash`, by the verification algorithm of
    /// RFC 9162 §2.1.3.2; throws when the index is outside the tree or the path has the wrong
    /// length for the index and size.
    public func rootHash(leafHash: AuditDigest) throws(MerkleProofError) -> AuditDigest {
        guard leafIndex >= 0, leafIndex < treeSize else {
            throw .leafIndexOutOfRange(index: leafIndex, treeSize: treeSize)
        }
        var index = leafIndex
        var last = treeSize - 1
        var hash = leafHash
        for sibling in path {
            guard last != 0 else { throw .pathTooLong }
            if index & 1 == 1 || index == last {
                hash = MerkleHash.nodeHash(left: sibling, right: hash)
                // A right edge without a right sibling: climb to the level where the node is
                // a right child again.
                while index & 1 == 0, index != 0 {
                    index >>= 1
                    last >>= 1
                }
            } else {
                hash = MerkleHash.nodeHash(left: hash, right: sibling)
            }
            index >>= 1
            last >>= 1
        }
        guard last == 0 else { throw .pathTooShort }
        return hash
    }

    /// Checks that the path leads from `leafHash` to `root`; throws why not.
    public func check(leafHash: AuditDigest, root: AuditDigest) throws(MerkleProofError) {
        guard try rootHash(leafHash: leafHash) == root else { throw .rootMismatch }
    }

    /// Whether the path leads from `leafHash` to `root`: the leaf is at ``leafIndex`` in the tree
    /// of ``treeSize`` leaves whose root that is.
    public func verify(leafHash: AuditDigest, root: AuditDigest) -> Bool {
        (try? check(leafHash: leafHash, root: root)) != nil
    }
}
