import Crypto

/// The Merkle Tree Hash of RFC 6962 §2.1 over SHA-256, the tree every checkpoint signs.
///
/// - a leaf's hash is SHA-256(0x00 ‖ data), an interior node's SHA-256(0x01 ‖ left ‖ right),
///   so a leaf can never pass for a node (second-preimage resistance);
/// - the tree of n > 1 leaves splits at k, the largest power of two smaller than n: its hash
///   is the node hash of the tree of the first k leaves and the tree of the other n − k;
/// - the tree of no leaves hashes to SHA-256 of the empty string.
///
/// ```swift
/// let leaves = records.map { MerkleHash.leafHash($0.canonicalBytes) }
/// let root = MerkleHash.root(ofLeafHashes: leaves)
/// ```
public enum MerkleHash {
    /// The hash of the empty tree: SHA-256 of the empty string, e3b0c442…b855.
    public static let emptyRoot = AuditDigest.sha256([])

    /// The hash of a leaf holding `data`: SHA-256(0x00 ‖ data).
    public static func leafHash(_ data: [UInt8]) -> AuditDigest {
        var hasher = SHA256()
        Swift.withUnsafeBytes(of: UInt8(0x00)) { hasher.update(bufferPointer: $0) }
        data.withUnsafeBytes { hasher.update(bufferPointer: $0) }
        return AuditDigest(hasher.finalize())
    }

    /// The hash of the interior node over two subtrees: SHA-256(0x01 ‖ left ‖ right).
    public static func nodeHash(left: AuditDigest, right: AuditDigest) -> AuditDigest {
        var hasher = SHA256()
        Swift.withUnsafeBytes(of: UInt8(0x01)) { hasher.update(bufferPointer: $0) }
        left.update(&hasher)
        right.update(&hasher)
        return AuditDigest(hasher.finalize())
    }

    /// The root of the tree over these leaf hashes, in order: O(n) time, O(log n) memory.
    public static func root(ofLeafHashes leafHashes: some Sequence<AuditDigest>) -> AuditDigest {
        var builder = MerkleTreeBuilder()
        for leafHash in leafHashes { builder.append(leafHash: leafHash) }
        return builder.root
    }

    /// The root of the tree whose leaves hold these byte strings, in order.
    public static func root(ofLeaves leaves: some Sequence<[UInt8]>) -> AuditDigest {
        root(ofLeafHashes: leaves.lazy.map(leafHash))
    }

    /// k, the largest power of two smaller than `count`, where the tree of `count` leaves
    /// splits; `count` is at least 2.
    static func splitPoint(_ count: Int) -> Int {
        1 << (Int.bitWidth - 1 - (count - 1).leadingZeroBitCount)
    }

    /// Whether `count` is a power of two (1, 2, 4, …): the size of a perfect tree.
    static func isPowerOfTwo(_ count: Int) -> Bool {
        count > 0 && count & (count - 1) == 0
    }
}
