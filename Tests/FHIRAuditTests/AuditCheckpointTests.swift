import Crypto
import FHIRAudit
import Foundation
import Testing

/// Signed checkpoints: the signed text, ES256 signatures, and the JSON form.
@Suite("Audit checkpoints")
struct AuditCheckpointTests {
    typealias F = AuditLogFixtures

    static let root = AuditDigest.sha256(Array("root".utf8))
    static let head = AuditDigest.sha256(Array("head".utf8))

    private func checkpoint(treeSize: Int64 = 50, time: Int64 = 1_700_000_000) throws -> AuditCheckpoint {
        try AuditCheckpoint.signed(treeSize: treeSize, root: Self.root, chainHead: Self.head, time: time, signingKey: F.signingKey())
    }

    @Test("The signed text is five lines: the version, size, root, chain head and time")
    func signedText() throws {
        let text = try checkpoint().signedText
        #expect(text == "kiln-audit-checkpoint-v1\n50\n\(Self.root.hex)\n\(Self.head.hex)\n1700000000\n")
    }

    @Test("A checkpoint verifies with the signer's public key and no other")
    func signature() throws {
        let checkpoint = try checkpoint()
        #expect(checkpoint.signature.count == 64)
        let signer = try F.signingKey().publicKey
        let other = try F.otherKey().publicKey
        #expect(checkpoint.hasValidSignature(publicKey: signer))
        #expect(!checkpoint.hasValidSignature(publicKey: other))
    }

    @Test("The signature covers every field: changing the size, root, chain head or time breaks it")
    func signatureCoversFields() throws {
        let signed = try checkpoint()
        let key = try F.signingKey().publicKey
        let other = AuditDigest.sha256(Array("other".utf8))
        let changed = [
            try AuditCheckpoint(treeSize: 49, root: signed.root, chainHead: signed.chainHead, time: signed.time, signature: signed.signature),
            try AuditCheckpoint(treeSize: signed.treeSize, root: other, chainHead: signed.chainHead, time: signed.time, signature: signed.signature),
            try AuditCheckpoint(treeSize: signed.treeSize, root: signed.root, chainHead: other, time: signed.time, signature: signed.signature),
            try AuditCheckpoint(treeSize: signed.treeSize, root: signed.root, chainHead: signed.chainHead, time: signed.time + 1, signature: signed.signature),
        ]
        for checkpoint in changed {
            #expect(!checkpoint.hasValidSignature(publicKey: key))
        }
        var signature = signed.signature
        signature[10] ^= 0x01
        let flipped = try AuditCheckpoint(treeSize: signed.treeSize, root: signed.root, chainHead: signed.chainHead, time: signed.time, signature: signature)
        #expect(!flipped.hasValidSignature(publicKey: key))
        let truncated = try AuditCheckpoint(treeSize: signed.treeSize, root: signed.root, chainHead: signed.chainHead, time: signed.time, signature: Array(signed.signature.prefix(63)))
        #expect(!truncated.hasValidSignature(publicKey: key))
    }

    @Test("A checkpoint survives its JSON form, and still verifies")
    func jsonRoundTrip() throws {
        let checkpoint = try checkpoint()
        let data = try checkpoint.jsonData()
        let read = try AuditCheckpoint(jsonData: data)
        #expect(read == checkpoint)
        let signer = try F.signingKey().publicKey
        #expect(read.hasValidSignature(publicKey: signer))
        let object = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        #expect(Set(object.keys) == ["treeSize", "root", "chainHead", "time", "signature"])
        #expect(object["root"] as? String == Self.root.hex)
        #expect(object["signature"] as? String == checkpoint.signature.map { String(format: "%02x", $0) }.joined())
        #expect(try checkpoint.jsonData() == data)
    }

    @Test("JSON that is not a checkpoint is refused, saying why")
    func invalidJSON() throws {
        let valid = try checkpoint()
        let cases = [
            "{}",
            #"{"treeSize": 1, "root": "00", "chainHead": "\#(Self.head.hex)", "time": 1, "signature": ""}"#,
            #"{"treeSize": 1, "root": "\#(Self.root.hex)", "chainHead": "\#(Self.head.hex)", "time": 1, "signature": "xyz"}"#,
            #"{"treeSize": -1, "root": "\#(Self.root.hex)", "chainHead": "\#(Self.head.hex)", "time": 1, "signature": "\#(valid.signature.map { String(format: "%02x", $0) }.joined())"}"#,
            "not json",
        ]
        for text in cases {
            #expect(throws: AuditCheckpointError.self, "\(text)") { try AuditCheckpoint(jsonData: Data(text.utf8)) }
        }
    }

    @Test("A checkpoint cannot have a negative tree size")
    func negativeSize() throws {
        #expect(throws: AuditCheckpointError.negativeTreeSize(-1)) {
            try AuditCheckpoint(treeSize: -1, root: Self.root, chainHead: Self.head, time: 0, signature: [])
        }
        #expect(throws: AuditCheckpointError.negativeTreeSize(-2)) { try checkpoint(treeSize: -2) }
    }
}
