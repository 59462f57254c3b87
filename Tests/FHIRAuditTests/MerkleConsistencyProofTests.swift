import FHIRAudit
import Testing

/// Consistency proofs (RFC 6962 §2.1.2) and their verification (RFC 9162 §2.1.4.2).
@Suite("Merkle consistency proofs")
struct MerkleConsistencyProofTests {
    typealias V = MerkleTestVectors

    @Test("The published consistency proofs are the ones generated, and verify")
    func referenceProofs() throws {
        let leafHashes = try V.leafHashes()
        for vector in V.consistencyProofs {
            let proof = try MerkleConsistencyProof(oldSize: vector.oldSize, leafHashes: Array(leafHashes.prefix(vector.newSize)))
            #expect(proof.path.map(\.hex) == vector.path, "\(vector.oldSize) to \(vector.newSize)")
            try proof.check(oldRoot: V.root(size: vector.oldSize), newRoot: V.root(size: vector.newSize))
        }
    }

    @Test("Every pair of sizes 1 ≤ m ≤ n ≤ 8 has a proof that verifies")
    func everyPairVerifies() throws {
        let leafHashes = try V.leafHashes()
        let roots = try V.roots()
        for newSize in 1...8 {
            for oldSize in 1...newSize {
                let proof = try MerkleConsistencyProof(oldSize: oldSize, leafHashes: Array(leafHashes.prefix(newSize)))
                #expect(proof.oldSize == oldSize && proof.newSize == newSize)
                #expect(proof.verify(oldRoot: roots[oldSize], newRoot: roots[newSize]), "\(oldSize) to \(newSize)")
            }
        }
    }

    @Test("Every pair of sizes up to 40 leaves has a proof that verifies")
    func largerTrees() throws {
        let leafHashes = V.syntheticLeafHashes(40)
        let roots = (0...40).map { MerkleHash.root(ofLeafHashes: leafHashes.prefix($0)) }
        for newSize in 1...40 {
            for oldSize in 0...newSize {
                let proof = try MerkleConsistencyProof(oldSize: oldSize, leafHashes: Array(leafHashes.prefix(newSize)))
                #expect(proof.verify(oldRoot: roots[oldSize], newRoot: roots[newSize]), "\(oldSize) to \(newSize)")
            }
        }
    }

    @Test("Changing any one hash fails: any of the proof's, or either root")
    func changedHash() throws {
        let leafHashes = try V.leafHashes()
        for newSize in 1...8 {
            for oldSize in 1...newSize {
                let oldRoot = try V.root(size: oldSize)
                let newRoot = try V.root(size: newSize)
                let proof = try MerkleConsistencyProof(oldSize: oldSize, leafHashes: Array(leafHashes.prefix(newSize)))
                #expect(!proof.verify(oldRoot: V.flipped(oldRoot), newRoot: newRoot), "\(oldSize) to \(newSize), old root")
                #expect(!proof.verify(oldRoot: oldRoot, newRoot: V.flipped(newRoot)), "\(oldSize) to \(newSize), new root")
                for position in proof.path.indices {
                    var path = proof.path
                    path[position] = V.flipped(path[position], byte: position)
                    let changed = MerkleConsistencyProof(oldSize: oldSize, newSize: newSize, path: path)
                    #expect(!changed.verify(oldRoot: oldRoot, newRoot: newRoot), "\(oldSize) to \(newSize), hash \(position)")
                }
            }
        }
    }

    @Test("A proof with a hash dropped or added, or for other sizes, fails")
    func changedShape() throws {
        let leafHashes = try V.leafHashes()
        let roots = try V.roots()
        for newSize in 2...8 {
            for oldSize in 1..<newSize {
                let oldRoot = try V.root(size: oldSize)
                let newRoot = try V.root(size: newSize)
                let proof = try MerkleConsistencyProof(oldSize: oldSize, leafHashes: Array(leafHashes.prefix(newSize)))
                let shorter = MerkleConsistencyProof(oldSize: oldSize, newSize: newSize, path: Array(proof.path.dropLast()))
                let longer = MerkleConsistencyProof(oldSize: oldSize, newSize: newSize, path: proof.path + [oldRoot])
                #expect(!shorter.verify(oldRoot: oldRoot, newRoot: newRoot), "\(oldSize) to \(newSize), shorter")
                #expect(!longer.verify(oldRoot: oldRoot, newRoot: newRoot), "\(oldSize) to \(newSize), longer")
                for otherOld in 1..<newSize where otherOld != oldSize {
                    let moved = MerkleConsistencyProof(oldSize: otherOld, newSize: newSize, path: proof.path)
                    #expect(!moved.verify(oldRoot: roots[otherOld], newRoot: newRoot), "\(oldSize) as \(otherOld) to \(newSize)")
                }
            }
        }
    }

    @Test("Equal sizes need an empty proof and equal roots")
    func equalSizes() throws {
        let root = try V.root(size: 5)
        let otherRoot = try V.root(size: 6)
        #expect(MerkleConsistencyProof(oldSize: 5, newSize: 5, path: []).verify(oldRoot: root, newRoot: root))
        #expect(!MerkleConsistencyProof(oldSize: 5, newSize: 5, path: []).verify(oldRoot: root, newRoot: otherRoot))
        #expect(throws: MerkleProofError.pathTooLong) {
            try MerkleConsistencyProof(oldSize: 5, newSize: 5, path: [root]).check(oldRoot: root, newRoot: root)
        }
    }

    @Test("The empty tree is consistent with every tree, by an empty proof")
    func emptyOldTree() throws {
        let leafHashes = try V.leafHashes()
        let proof = try MerkleConsistencyProof(oldSize: 0, leafHashes: leafHashes)
        #expect(proof.path.isEmpty)
        let roots = try V.roots()
        #expect(proof.verify(oldRoot: MerkleHash.emptyRoot, newRoot: roots[8]))
        #expect(!proof.verify(oldRoot: roots[1], newRoot: roots[8]))
    }

    @Test("An old size larger than the new one, or negative, cannot be proved")
    func sizesOutOfOrder() throws {
        let leafHashes = try V.leafHashes()
        #expect(throws: MerkleProofError.treeSizesOutOfOrder(oldSize: 4, newSize: 3)) {
            try MerkleConsistencyProof(oldSize: 4, leafHashes: Array(leafHashes.prefix(3)))
        }
        #expect(throws: MerkleProofError.treeSizesOutOfOrder(oldSize: -1, newSize: 3)) {
            try MerkleConsistencyProof(oldSize: -1, leafHashes: Array(leafHashes.prefix(3)))
        }
        let root = try V.root(size: 3)
        #expect(!MerkleConsistencyProof(oldSize: 4, newSize: 3, path: []).verify(oldRoot: root, newRoot: root))
    }
}
