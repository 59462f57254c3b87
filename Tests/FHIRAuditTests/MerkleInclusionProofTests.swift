import FHIRAudit
import Testing

/// Inclusion proofs (RFC 6962 §2.1.1) and their verification (RFC 9162 §2.1.3.2).
@Suite("Merkle inclusion proofs")
struct MerkleInclusionProofTests {
    typealias V = MerkleTestVectors

    @Test("The published audit paths are the ones generated, and lead to the published roots")
    func referencePaths() throws {
        let leafHashes = try V.leafHashes()
        for vector in V.auditPaths {
            let proof = try MerkleInclusionProof(leafIndex: vector.index, leafHashes: Array(leafHashes.prefix(vector.size)))
            #expect(proof.path.map(\.hex) == vector.path, "leaf \(vector.index) of \(vector.size)")
            #expect(try proof.rootHash(leafHash: leafHashes[vector.index]) == V.root(size: vector.size))
        }
    }

    @Test("Every leaf of every tree of 1 to 8 leaves has a proof that verifies")
    func everyLeafVerifies() throws {
        let leafHashes = try V.leafHashes()
        for size in 1...8 {
            let root = try V.root(size: size)
            for index in 0..<size {
                let proof = try MerkleInclusionProof(leafIndex: index, leafHashes: Array(leafHashes.prefix(size)))
                #expect(proof.treeSize == size && proof.leafIndex == index)
                #expect(proof.verify(leafHash: leafHashes[index], root: root), "leaf \(index) of \(size)")
            }
        }
    }

    @Test("Every leaf of every tree of up to 40 leaves has a proof that verifies")
    func largerTrees() throws {
        let leafHashes = V.syntheticLeafHashes(40)
        for size in 1...40 {
            let tree = Array(leafHashes.prefix(size))
            let root = MerkleHash.root(ofLeafHashes: tree)
            for index in 0..<size {
                let proof = try MerkleInclusionProof(leafIndex: index, leafHashes: tree)
                #expect(proof.verify(leafHash: tree[index], root: root), "leaf \(index) of \(size)")
            }
        }
    }

    @Test("Changing any one hash fails: the leaf's, any of the path's, or the root")
    func changedHash() throws {
        let leafHashes = try V.leafHashes()
        for size in 1...8 {
            let root = try V.root(size: size)
            for index in 0..<size {
                let proof = try MerkleInclusionProof(leafIndex: index, leafHashes: Array(leafHashes.prefix(size)))
                #expect(!proof.verify(leafHash: V.flipped(leafHashes[index]), root: root))
                #expect(!proof.verify(leafHash: leafHashes[index], root: V.flipped(root)))
                for position in proof.path.indices {
                    var path = proof.path
                    path[position] = V.flipped(path[position], byte: position)
                    let changed = MerkleInclusionProof(leafIndex: index, treeSize: size, path: path)
                    #expect(!changed.verify(leafHash: leafHashes[index], root: root), "leaf \(index) of \(size), hash \(position)")
                }
            }
        }
    }

    @Test("A proof does not verify for another index of the same tree")
    func wrongIndex() throws {
        let leafHashes = try V.leafHashes()
        for size in 1...8 {
            let root = try V.root(size: size)
            for index in 0..<size {
                let proof = try MerkleInclusionProof(leafIndex: index, leafHashes: Array(leafHashes.prefix(size)))
                for other in -1...size where other != index {
                    let moved = MerkleInclusionProof(leafIndex: other, treeSize: size, path: proof.path)
                    #expect(!moved.verify(leafHash: leafHashes[index], root: root), "leaf \(index) as \(other) of \(size)")
                }
            }
        }
    }

    @Test("A proof does not verify for a tree of another size")
    func wrongSize() throws {
        let leafHashes = try V.leafHashes()
        let roots = try V.roots()
        for size in 1...8 {
            for index in 0..<size {
                let proof = try MerkleInclusionProof(leafIndex: index, leafHashes: Array(leafHashes.prefix(size)))
                for other in 1...8 where other != size {
                    let resized = MerkleInclusionProof(leafIndex: index, treeSize: other, path: proof.path)
                    #expect(!resized.verify(leafHash: leafHashes[index], root: roots[other]), "leaf \(index) of \(size) as of \(other)")
                }
            }
        }
    }

    @Test("A path one hash too short or too long is refused as such")
    func wrongLength() throws {
        let leafHashes = try V.leafHashes()
        let proof = try MerkleInclusionProof(leafIndex: 2, leafHashes: Array(leafHashes.prefix(7)))
        let short = MerkleInclusionProof(leafIndex: 2, treeSize: 7, path: Array(proof.path.dropLast()))
        let long = MerkleInclusionProof(leafIndex: 2, treeSize: 7, path: proof.path + [leafHashes[0]])
        #expect(throws: MerkleProofError.pathTooShort) { try short.rootHash(leafHash: leafHashes[2]) }
        #expect(throws: MerkleProofError.pathTooLong) { try long.rootHash(leafHash: leafHashes[2]) }
    }

    @Test("A leaf outside the tree has no proof")
    func outsideTheTree() throws {
        let leafHashes = try V.leafHashes()
        #expect(throws: MerkleProofError.leafIndexOutOfRange(index: 3, treeSize: 3)) {
            try MerkleInclusionProof(leafIndex: 3, leafHashes: Array(leafHashes.prefix(3)))
        }
        #expect(throws: MerkleProofError.leafIndexOutOfRange(index: -1, treeSize: 3)) {
            try MerkleInclusionProof(leafIndex: -1, leafHashes: Array(leafHashes.prefix(3)))
        }
        #expect(throws: MerkleProofError.leafIndexOutOfRange(index: 0, treeSize: 0)) {
            try MerkleInclusionProof(leafIndex: 0, leafHashes: [])
        }
    }
}
