import Crypto

/// The hash chain that links every audit record to the one before it, so that a record cannot
/// be changed, removed, added or moved without breaking a link.
///
/// - The chain starts from ``genesis``: SHA-256 of the UTF-8 text `kiln-audit-chain-v1`.
/// - Record n (sequences start at ``firstSequence``, 1) links as
///   SHA-256(previous ‖ n as 8 bytes big-endian ‖ SHA-256(canonical bytes)), where
///   previous is the chain hash of record n − 1, or the genesis for record 1.
///
/// The chain needs no key, so whoever can rewrite the store can also recompute every link
/// after the record they change; what they cannot recompute is a signed ``AuditCheckpoint``.
/// The chain pinpoints naive tampering record by record; checkpoints catch the rest.
///
/// ```swift
/// let first = AuditChain.chainHash(previous: AuditChain.genesis, sequence: 1, canonicalBytes: bytes)
/// ```
public enum AuditChain {
    /// The text whose SHA-256 is the chain's genesis, naming the version of the chain's rules.
    public static let genesisText = "kiln-audit-chain-v1"

    /// The hash record 1 links to: SHA-256("kiln-audit-chain-v1"),
    /// 045809d0b378d6c84d75b7746d4300732d3f280e5a7153db3b5250c5110035c7.
    public static let genesis = AuditDigest.sha256(Array(genesisText.utf8))

    /// The sequence of the first record: 1.
    public static let firstSequence: Int64 = 1

    /// The chain hash of the record at `sequence` whose canonical form is `canonicalBytes`,
    /// following the record whose chain hash is `previous`.
    public static func chainHash(previous: AuditDigest, sequence: Int64, canonicalBytes: [UInt8]) -> AuditDigest {
        chainHash(previous: previous, sequence: sequence, contentHash: .sha256(canonicalBytes))
    }

    /// The chain hash from the SHA-256 of the record's canonical bytes rather than the bytes,
    /// for the verifier, which keeps only that of a record it has not yet placed.
    static func chainHash(previous: AuditDigest, sequence: Int64, contentHash: AuditDigest) -> AuditDigest {
        var hasher = SHA256()
        previous.update(&hasher)
        Swift.withUnsafeBytes(of: UInt64(bitPattern: sequence).bigEndian) { hasher.update(bufferPointer: $0) }
        contentHash.update(&hasher)
        return AuditDigest(hasher.finalize())
    }
}
