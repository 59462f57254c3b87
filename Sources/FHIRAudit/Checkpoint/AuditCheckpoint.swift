public import Crypto

/// A signed statement of the audit log at one moment: how many records it had, the Merkle root
/// over them, the chain hash of the last one and when. Kept apart from the store (a file,
/// another system), it makes any later rewrite of those records detectable, and any loss of them.
///
/// The signature is ES256: ECDSA over P-256 with SHA-256 (``P256/Signing``), written as the 64
/// bytes r ‖ s, over the UTF-8 bytes of ``signedText``:
///
/// ```text
/// kiln-audit-checkpoint-v1
/// <tree size, decimal>
/// <Merkle root, 64 lowercase hex digits>
/// <chain head, 64 lowercase hex digits>
/// <time, Unix seconds, decimal>
/// ```
///
/// each line ending in a line feed, the last one too. The id of the signing key (``keyID``) is
/// not signed: it only says which published key to try, and a changed one fails the signature.
///
/// ```swift
/// let checkpoint = try AuditCheckpoint.signed(treeSize: 50, root: root, chainHead: head, time: now, signingKey: key)
/// checkpoint.hasValidSignature(publicKey: key.publicKey)   // true
/// ```
public struct AuditCheckpoint: Sendable, Hashable {
    /// The first line of the signed text, naming the version of this format.
    public static let textHeader = "kiln-audit-checkpoint-v1"

    /// The number of records the checkpoint covers, sequences 1 through `treeSize`.
    public let treeSize: Int64
    /// The Merkle root over the canonical bytes of those records (``MerkleHash``).
    public let root: AuditDigest
    /// The chain hash of the record at `treeSize`; ``AuditChain/genesis`` when it is 0.
    public let chainHead: AuditDigest
    /// When the checkpoint was made, in seconds since 1970-01-01T00:00:00Z.
    public let time: Int64
    /// The ES256 signature over ``signedText``: r ‖ s, 64 bytes when well formed.
    public let signature: [UInt8]
    /// The `kid` of the key that signed it (``AuditPublicKey/keyID``), when the signer named
    /// it; a verifier holding several keys uses it to pick one.
    public let keyID: String?

    /// A checkpoint as read back, with its signature and the id of the key that made it;
    /// throws when `treeSize` is negative.
    public init(treeSize: Int64, root: AuditDigest, chainHead: AuditDigest, time: Int64, signature: [UInt8], keyID: String? = nil) throws(AuditCheckpointError) {
        guard treeSize >= 0 else { throw .negativeTreeSize(treeSize) }
        self.treeSize = treeSize
        self.root = root
        self.chainHead = chainHead
        self.time = time
        self.signature = signature
        self.keyID = keyID
    }

    /// A new checkpoint, signed with `signingKey`, naming `keyID` as its signer when given.
    public static func signed(
        treeSize: Int64, root: AuditDigest, chainHead: AuditDigest, time: Int64, signingKey: P256.Signing.PrivateKey, keyID: String? = nil
    ) throws(AuditCheckpointError) -> AuditCheckpoint {
        guard treeSize >= 0 else { throw .negativeTreeSize(treeSize) }
        let text = signedText(treeSize: treeSize, root: root, chainHead: chainHead, time: time)
        let signature: P256.Signing.ECDSASignature
        do {
            signature = try signingKey.signature(for: digest(of: text))
        } catch {
            throw .signingFailed(String(describing: error))
        }
        return try AuditCheckpoint(
            treeSize: treeSize, root: root, chainHead: chainHead, time: time, signature: Array(signature.rawRepresentation), keyID: keyID)
    }

    /// The text the signature is over (see ``AuditCheckpoint``).
    public var signedText: String {
        Self.signedText(treeSize: treeSize, root: root, chainHead: chainHead, time: time)
    }

    /// The text a checkpoint of these values signs.
    public static func signedText(treeSize: Int64, root: AuditDigest, chainHead: AuditDigest, time: Int64) -> String {
        "\(textHeader)\n\(treeSize)\n\(root.hex)\n\(chainHead.hex)\n\(time)\n"
    }

    /// Whether ``signature`` is a valid ES256 signature of ``signedText`` by the holder of the
    /// private key of `publicKey`.
    public func hasValidSignature(publicKey: P256.Signing.PublicKey) -> Bool {
        guard let signature = try? P256.Signing.ECDSASignature(rawRepresentation: signature) else { return false }
        return publicKey.isValidSignature(signature, for: Self.digest(of: signedText))
    }

    private static func digest(of text: String) -> SHA256Digest {
        var hasher = SHA256()
        Array(text.utf8).withUnsafeBytes { hasher.update(bufferPointer: $0) }
        return hasher.finalize()
    }
}
