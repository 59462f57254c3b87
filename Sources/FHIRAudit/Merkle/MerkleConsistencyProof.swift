/// The consistency proof of RFC 6962 §2.1.2: the hashes showing that the tree of `newSize`
/// leaves extends the tree of `oldSize` leaves, that is, nothing of the older tree was changed
/// or removed, only leaves appended.
///
/// ```swift
/// let proof = try MerkleConsistencyProof(oldSize: yesterday.treeSize, leafHashes: leafHashes)
/// proof.verify(oldRoot: yesterday.root, newRoot: today.root)   // true
/// ```
public struct MerkleConsistencyProof: Sendable, Hashable {
    /// The size of the older tree.
    public let oldSize: Int
    /// The size of the newer tree.
    public let newSize: Int
    /// The subtree roots that prove it, in the order of RFC 6962 §2.1.2.
    public let path: [AuditDigest]

    /// A proof as received: the two sizes and the path.
    public init(oldSize: Int, newSize: Int, path: [AuditDigest]) {
        self.oldSize = oldSize
        self.newSize = newSize
        self.path = path
    }

    /// The proof that the tree of the first `oldSize` of `leafHashes` is a prefix of the tree
    /// of all of them: PROOF(m, D[n]) of RFC 6962 §2.1.2, in O(n) time. Empty when the sizes
    /// are equal or the old tree is empty, for which there is nothing to prove.
    public init(oldSize: Int, leafHashes: [AuditDigest]) throws(MerkleProofError) {
        let newSize = leafHashes.count
        guard oldSize >= 0, oldSize <= newSize else {
            throw .treeSizesOutOfOrder(oldSize: oldSize, newSize: newSize)
        }
        guard oldSize > 0, oldSize < newSize else {
            self.init(oldSize: oldSize, newSize: newSize, path: [])
            return
        }
        // SUBPROOF(m, D[low..<high], isWholeOldTree), walked down from the root; the hashes
        // taken on the way come after the one where the walk ends, innermost first.
        var upper: [AuditDigest] = []
        var low = 0
        var high = newSize
        var remaining = oldSize
        var isWholeOldTree = true
        while remaining != high - low {
            let half = MerkleHash.splitPoint(high - low)
            if remaining <= half {
                upper.append(MerkleHash.root(ofLeafHashes: leafHashes[(low + half)..<high]))
                high = low + half
            } else {
                upper.append(MerkleHash.root(ofLeafHashes: leafHashes[low..<(low + half)]))
                low += half
                remaining -= half
                isWholeOldTree = false
            }
        }
        // When the old tree is itself a subtree here, the verifier has its root already.
        var path = isWholeOldTree ? [] : [MerkleHash.root(ofLeafHashes: leafHashes[low..<high])]
        path.append(contentsOf: upper.reversed())
        self.init(oldSize: oldSize, newSize: newSize, path: path)
    }

    /// Checks that the path proves the tree with root `oldRoot` of ``oldSize`` leaves a prefix
    /// of the tree with root `newRoot` of ``newSize`` leaves, by the algorithm of
    /// RFC 9162 §2.1.4.2; throws why not.
    ///
    /// Equal sizes need an empty path and equal roots; an old size of 0 needs an empty path and
    /// the empty tree's root as `oldRoot`.
    public func check(oldRoot: AuditDigest, newRoot: AuditDigest) throws(MerkleProofError) {
        guard oldSize >= 0, oldSize <= newSize else {
            throw .treeSizesOutOfOrder(oldSize: oldSize, newSize: newSize)
        }
        if oldSize == newSize || oldSize == 0 {
            guard path.isEmpty else { throw .pathTooLong }
            let expected = oldSize == 0 ? MerkleHash.emptyRoot : newRoot
            guard oldRoot == expected else { throw .rootMismatch }
            return
        }
        guard !path.isEmpty else { throw .pathTooShort }
        var hashes = path
        if MerkleHash.isPowerOfTwo(oldSize) { hashes.insert(oldRoot, at: 0) }
        var oldIndex = oldSize - 1
        var newIndex = newSize - 1
        while oldIndex & 1 == 1 {
            oldIndex >>= 1
            newIndex >>= 1
        }
        var oldHash = hashes[0]
        var newHash = hashes[0]
        for hash in hashes.dropFirst() {
            guard newIndex != 0 else { throw .pathTooLong }
            if oldIndex & 1 == 1 || oldIndex == newIndex {
                oldHash = MerkleHash.nodeHash(left: hash, right: oldHash)
                newHash = MerkleHash.nodeHash(left: hash, right: newHash)
                while oldIndex & 1 == 0, oldIndex != 0 {
                    oldIndex >>= 1
                    newIndex >>= 1
                }
            } else {
                newHash = MerkleHash.nodeHash(left: newHash, right: hash)
            }
            oldIndex >>= 1
            newIndex >>= 1
        }
        guard newIndex == 0 else { throw .pathTooShort }
        guard oldHash == oldRoot, newHash == newRoot else { throw .rootMismatch }
    }

    /// Whether the path proves the tree with root `oldRoot` a prefix of the tree with root
    /// `newRoot`.
    public func verify(oldRoot: AuditDigest, newRoot: AuditDigest) -> Bool {
        (try? check(oldRoot: oldRoot, newRoot: newRoot)) != nil
    }
}
