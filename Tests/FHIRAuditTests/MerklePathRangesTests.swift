import FHIRAudit
import Testing

/// The leaf ranges of an audit path: their roots are the path.
@Suite("Merkle path ranges")
struct MerklePathRangesTests {
    @Test("For every leaf of every tree up to 70 leaves, the roots of the ranges are the audit path")
    func rangesGiveThePath() throws {
        let leafHashes = MerkleTestVectors.syntheticLeafHashes(70)
        for size in 1...70 {
            let tree = Array(leafHashes.prefix(size))
            for index in 0..<size {
                let ranges = try MerkleInclusionProof.pathRanges(leafIndex: index, treeSize: size)
                let proof = try MerkleInclusionProof(leafIndex: index, leafHashes: tree)
                #expect(ranges.map { MerkleHash.root(ofLeafHashes: tree[$0]) } == proof.path, "leaf \(index) of \(size)")
                // Each range is a perfect subtree at a multiple of its size, or a right edge.
                for range in ranges {
                    var power = 1
                    while power < range.count { power <<= 1 }
                    #expect(range.lowerBound % power == 0 && (range.count == power || range.upperBound == size), "\(range) of \(size)")
                }
            }
        }
    }

    @Test("The documented example: leaf 5 of 8")
    func example() throws {
        #expect(try MerkleInclusionProof.pathRanges(leafIndex: 5, treeSize: 8) == [4..<5, 6..<8, 0..<4])
        #expect(try MerkleInclusionProof.pathRanges(leafIndex: 0, treeSize: 1) == [])
    }

    @Test("A leaf outside the tree has no ranges")
    func outside() {
        #expect(throws: MerkleProofError.leafIndexOutOfRange(index: 3, treeSize: 3)) { try MerkleInclusionProof.pathRanges(leafIndex: 3, treeSize: 3) }
        #expect(throws: MerkleProofError.leafIndexOutOfRange(index: -1, treeSize: 3)) { try MerkleInclusionProof.pathRanges(leafIndex: -1, treeSize: 3) }
    }
}
