@testable import FHIRAudit
import Testing

/// The incremental builder: the same root as the recursive definition, in bounded memory.
@Suite("Merkle tree builder")
struct MerkleTreeBuilderTests {
    typealias V = MerkleTestVectors

    @Test("The builder's root equals the recursive definition for every size from 0 to 70")
    func matchesDefinition() {
        let leafHashes = V.syntheticLeafHashes(70)
        var builder = MerkleTreeBuilder()
        #expect(builder.root == V.definitionRoot(leafHashes[0..<0]))
        for size in 1...70 {
            builder.append(leafHash: leafHashes[size - 1])
            #expect(builder.size == size)
            #expect(builder.root == V.definitionRoot(leafHashes[0..<size]), "size \(size)")
        }
    }

    @Test("The builder holds one hash per set bit of its size, never the leaves")
    func boundedMemory() {
        var builder = MerkleTreeBuilder()
        let leafHash = MerkleHash.leafHash([])
        for size in 1...5000 {
            builder.append(leafHash: leafHash)
            #expect(builder.frontierCount == size.nonzeroBitCount)
        }
    }

    @Test("The split point is the largest power of two smaller than the tree size")
    func splitPoint() {
        let expected = [2: 1, 3: 2, 4: 2, 5: 4, 7: 4, 8: 4, 9: 8, 16: 8, 17: 16, 1_000_000: 524_288]
        for (size, split) in expected {
            #expect(MerkleHash.splitPoint(size) == split, "size \(size)")
        }
    }

    @Test("A large tree is built in one pass: 100,000 leaves")
    func largeTree() {
        var builder = MerkleTreeBuilder()
        let leafHash = MerkleHash.leafHash([0x42])
        for _ in 0..<100_000 { builder.append(leafHash: leafHash) }
        #expect(builder.size == 100_000)
        #expect(builder.frontierCount == 100_000.nonzeroBitCount)
        #expect(builder.root != MerkleHash.emptyRoot)
    }
}
