extension MerkleInclusionProof {
    /// The leaf ranges whose subtree roots form the audit path of the leaf at `leafIndex` in a
    /// tree of `treeSize` leaves, in the order of ``path`` (the leaf's sibling first).
    ///
    /// A store that can compute the root of a range without holding every leaf hash (from
    /// cached subtree roots) makes the same proof as ``init(leafIndex:leafHashes:)`` from these:
    /// each range is either a perfect subtree starting at a multiple of its size, or the
    /// right edge of the tree, starting at a multiple of the power of two above its size.
    ///
    /// ```swift
    /// let ranges = try MerkleInclusionProof.pathRanges(leafIndex: 5, treeSize: 8)   // [4..<5, 6..<8, 0..<4]
    /// let proof = MerkleInclusionProof(leafIndex: 5, treeSize: 8, path: ranges.map(rootOfRange))
    /// ```
    public static func pathRanges(leafIndex: Int, treeSize: Int) throws(MerkleProofError) -> [Range<Int>] {
        guard leafIndex >= 0, leafIndex < treeSize else {
            throw .leafIndexOutOfRange(index: leafIndex, treeSize: treeSize)
        }
        var ranges: [Range<Int>] = []
        var low = 0
        var high = treeSize
        while high - low > 1 {
            let split = low + MerkleHash.splitPoint(high - low)
            if leafIndex < split {
                ranges.append(split..<high)
                high = split
            } else {
                ranges.append(low..<split)
                low = split
            }
        }
        return ranges.reversed()
    }
}
