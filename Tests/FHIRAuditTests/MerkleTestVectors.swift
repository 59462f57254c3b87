import FHIRAudit
import Testing

/// The RFC 6962 test data of the certificate-transparency reference implementations: eight
/// leaves, the roots of their first 1…8, and published audit paths and consistency proofs.
enum MerkleTestVectors {
    /// The eight reference leaves, as hexadecimal.
    static let leafHex = ["", "00", "10", "2021", "3031", "40414243", "5051525354555657", "606162636465666768696a6b6c6d6e6f"]

    /// The root of the tree of the first n reference leaves, at index n − 1.
    static let rootHex = [
        "6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d",
        "fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125",
        "aeb6bcfe274b70a14fb067a5e5578264db0fa9b51af5e0ba159158f329e06e77",
        "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7",
        "4e3bbb1f7b478dcfe71fb631631519a3bca12c9aefca1612bfce4c13a86264d4",
        "76e67dadbcdf1e10e1b74ddc608abd2f98dfb16fbce75277b5232a127f2087ef",
        "ddb89be403809e325750d3d263cd78929c2942b7942a34b77e122c9594a74c8c",
        "5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328",
    ]

    /// The root of the empty tree: SHA-256 of the empty string.
    static let emptyRootHex = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"

    /// Published audit paths: (leaf index, tree size, path).
    static let auditPaths: [(index: Int, size: Int, path: [String])] = [
        (0, 1, []),
        (0, 8, [
            "96a296d224f285c67bee93c30f8a309157f0daa35dc5b87e410b78630a09cfc7",
            "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
            "6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4",
        ]),
        (5, 8, [
            "bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b",
            "ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0",
            "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7",
        ]),
        (2, 3, ["fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125"]),
        (1, 5, [
            "6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d",
            "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
            "bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b",
        ]),
    ]

    /// Published consistency proofs: (old size, new size, path).
    static let consistencyProofs: [(oldSize: Int, newSize: Int, path: [String])] = [
        (1, 1, []),
        (1, 8, [
            "96a296d224f285c67bee93c30f8a309157f0daa35dc5b87e410b78630a09cfc7",
            "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
            "6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4",
        ]),
        (6, 8, [
            "0ebc5d3437fbe2db158b9f126a1d118e308181031d0a949f8dededebc558ef6a",
            "ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0",
            "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7",
        ]),
        (2, 5, [
            "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
            "bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b",
        ]),
    ]

    /// The eight reference leaves.
    static func leaves() throws -> [[UInt8]] {
        try leafHex.map { hex in try #require(bytes(hex)) }
    }

    /// The leaf hashes of the eight reference leaves.
    static func leafHashes() throws -> [AuditDigest] {
        try leaves().map(MerkleHash.leafHash)
    }

    /// The reference root of the tree of the first `size` leaves (1…8).
    static func root(size: Int) throws -> AuditDigest {
        try digest(rootHex[size - 1])
    }

    /// The reference roots by tree size: the empty tree's at 0, then sizes 1…8.
    static func roots() throws -> [AuditDigest] {
        try ([emptyRootHex] + rootHex).map(digest)
    }

    /// The digest written as `hex`.
    static func digest(_ hex: String) throws -> AuditDigest {
        try #require(AuditDigest(hex: hex))
    }

    /// `digest` with one bit flipped.
    static func flipped(_ digest: AuditDigest, byte: Int = 0) -> AuditDigest {
        var bytes = digest.bytes
        bytes[byte % bytes.count] ^= 0x01
        return AuditDigest(bytes: bytes) ?? digest
    }

    /// `count` leaf hashes of distinct made-up leaves, for trees larger than the reference one.
    static func syntheticLeafHashes(_ count: Int) -> [AuditDigest] {
        (0..<count).map { MerkleHash.leafHash(Array("leaf \($0)".utf8)) }
    }

    /// The Merkle Tree Hash straight from its recursive definition in RFC 6962 §2.1, to check
    /// the incremental builder against.
    static func definitionRoot(_ leafHashes: ArraySlice<AuditDigest>) -> AuditDigest {
        let count = leafHashes.count
        if count == 0 { return AuditDigest.sha256([]) }
        if count == 1, let only = leafHashes.first { return only }
        var split = 1
        while split * 2 < count { split *= 2 }
        let middle = leafHashes.startIndex + split
        return MerkleHash.nodeHash(
            left: definitionRoot(leafHashes[leafHashes.startIndex..<middle]),
            right: definitionRoot(leafHashes[middle...]))
    }

    private static func bytes(_ hex: String) -> [UInt8]? {
        var bytes: [UInt8] = []
        var index = hex.startIndex
        while index < hex.endIndex {
            let next = hex.index(index, offsetBy: 2)
            guard let byte = UInt8(hex[index..<next], radix: 16) else { return nil }
            bytes.append(byte)
            index = next
        }
        return bytes
    }
}
