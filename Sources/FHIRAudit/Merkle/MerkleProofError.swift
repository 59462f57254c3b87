/// Why a Merkle inclusion or consistency proof could not be made or does not verify.
public enum MerkleProofError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The leaf index is negative or not below the tree size.
    case leafIndexOutOfRange(index: Int, treeSize: Int)
    /// The sizes of a consistency proof are negative, or the old one is larger than the new one.
    case treeSizesOutOfOrder(oldSize: Int, newSize: Int)
    /// The path has more hashes than the index and sizes call for.
    case pathTooLong
    /// The path has fewer hashes than the index and sizes call for.
    case pathTooShort
    /// The path has the right length, but what it hashes to is not the root it should prove.
    case rootMismatch

    /// The problem, for a person.
    public var description: String {
        switch self {
        case let .leafIndexOutOfRange(index, treeSize): "leaf index \(index) is outside a tree of size \(treeSize)"
        case let .treeSizesOutOfOrder(oldSize, newSize): "tree sizes \(oldSize) and \(newSize) are not 0 ≤ old ≤ new"
        case .pathTooLong: "the proof has more hashes than its sizes call for"
        case .pathTooShort: "the proof has fewer hashes than its sizes call for"
        case .rootMismatch: "the proof does not lead to the root"
        }
    }
}
