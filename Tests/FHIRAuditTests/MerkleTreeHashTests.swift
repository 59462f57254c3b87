import Crypto
import FHIRAudit
import Testing

/// The Merkle Tree Hash of RFC 6962 §2.1, against the reference implementations' test vectors.
@Suite("Merkle Tree Hash")
struct MerkleTreeHashTests {
    typealias V = MerkleTestVectors

    @Test("The empty tree hashes to SHA-256 of the empty string")
    func emptyTree() throws {
        #expect(MerkleHash.emptyRoot.hex == V.emptyRootHex)
        #expect(MerkleHash.root(ofLeafHashes: []) == MerkleHash.emptyRoot)
        #expect(MerkleTreeBuilder().root == MerkleHash.emptyRoot)
    }

    @Test("The reference leaves give the reference roots for every tree size from 1 to 8")
    func referenceRoots() throws {
        let leaves = try V.leaves()
        for size in 1...8 {
            #expect(MerkleHash.root(ofLeaves: leaves.prefix(size)).hex == V.rootHex[size - 1], "size \(size)")
        }
    }

    @Test("A leaf hashes as SHA-256(0x00 ‖ data), a node as SHA-256(0x01 ‖ left ‖ right)")
    func domainSeparation() throws {
        let data: [UInt8] = [0x20, 0x21]
        #expect(MerkleHash.leafHash(data).bytes == Array(SHA256.hash(data: [0x00] + data)))
        let left = MerkleHash.leafHash([])
        let right = MerkleHash.leafHash([0x00])
        #expect(MerkleHash.nodeHash(left: left, right: right).bytes == Array(SHA256.hash(data: [0x01] + left.bytes + right.bytes)))
        let rootOfTwo = try V.root(size: 2)
        #expect(MerkleHash.nodeHash(left: left, right: right) == rootOfTwo)
    }

    @Test("A one-leaf tree's root is its leaf hash")
    func singleLeaf() throws {
        let leafHash = try #require(try V.leafHashes().first)
        #expect(MerkleHash.root(ofLeafHashes: [leafHash]) == leafHash)
    }
}
