import Crypto

/// A SHA-256 digest as the audit log uses it: a Merkle tree hash, a link of the hash chain, or
/// the hash of a record's canonical bytes.
///
/// The 32 bytes are held inline (four machine words in the digest's byte order), so arrays of
/// digests and the Merkle builder's frontier never allocate per hash. Its text form is 64
/// lowercase hexadecimal digits, as in checkpoints and their JSON.
///
/// ```swift
/// let digest = AuditDigest.sha256(Array("abc".utf8))
/// digest.hex   // "ba7816bf…15ad"
/// AuditDigest(hex: digest.hex) == digest   // true
/// ```
public struct AuditDigest: Sendable, Hashable, CustomStringConvertible {
    /// The number of bytes of a digest: 32, the output size of SHA-256.
    public static let byteCount = 32

    private let word0: UInt64
    private let word1: UInt64
    private let word2: UInt64
    private let word3: UInt64

    /// The digest of these 32 bytes; nil when there are not exactly ``byteCount``.
    public init?(bytes: [UInt8]) {
        guard bytes.count == Self.byteCount else { return nil }
        self = bytes.withUnsafeBytes { Self(raw: $0) }
    }

    /// The digest written as 64 hexadecimal digits (either case); nil for any other text.
    public init?(hex: String) {
        guard let bytes = Hex.bytes(hex), bytes.count == Self.byteCount else { return nil }
        self.init(bytes: bytes)
    }

    /// The digest SHA-256 produced.
    init(_ digest: SHA256Digest) {
        self = digest.withUnsafeBytes { Self(raw: $0) }
    }

    /// The digest whose bytes are the first 32 of `raw`, which has at least that many.
    private init(raw: UnsafeRawBufferPointer) {
        word0 = raw.loadUnaligned(fromByteOffset: 0, as: UInt64.self)
        word1 = raw.loadUnaligned(fromByteOffset: 8, as: UInt64.self)
        word2 = raw.loadUnaligned(fromByteOffset: 16, as: UInt64.self)
        word3 = raw.loadUnaligned(fromByteOffset: 24, as: UInt64.self)
    }

    /// The SHA-256 of `bytes`.
    public static func sha256(_ bytes: [UInt8]) -> AuditDigest {
        var hasher = SHA256()
        bytes.withUnsafeBytes { hasher.update(bufferPointer: $0) }
        return AuditDigest(hasher.finalize())
    }

    /// The digest's 32 bytes.
    public var bytes: [UInt8] {
        withUnsafeBytes { Array($0) }
    }

    /// The digest as 64 lowercase hexadecimal digits.
    public var hex: String {
        withUnsafeBytes { Hex.text($0) }
    }

    /// The hexadecimal form, ``hex``.
    public var description: String { hex }

    /// Calls `body` with the digest's 32 bytes, without copying them to the heap.
    func withUnsafeBytes<Result>(_ body: (UnsafeRawBufferPointer) throws -> Result) rethrows -> Result {
        try Swift.withUnsafeBytes(of: (word0, word1, word2, word3)) { try body($0) }
    }

    /// Feeds the digest's 32 bytes to a running SHA-256.
    func update(_ hasher: inout SHA256) {
        withUnsafeBytes { hasher.update(bufferPointer: $0) }
    }
}

extension AuditDigest: Codable {
    /// A digest from its hexadecimal text.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        guard let digest = AuditDigest(hex: text) else {
            throw DecodingError.dataCorruptedError(in: container, debugDescription: "not a SHA-256 digest of 64 hexadecimal digits: \(text)")
        }
        self = digest
    }

    /// The digest as its hexadecimal text.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(hex)
    }
}
