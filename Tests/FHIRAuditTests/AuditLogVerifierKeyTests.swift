import Crypto
import FHIRAudit
import Testing

/// The verifier with several keys chosen by kid, and resuming in the middle of the log.
@Suite("Audit log verifier: keys and resuming")
struct AuditLogVerifierKeyTests {
    typealias F = AuditLogFixtures

    private func summary(_ findings: [AuditTamperFinding]) -> [String] {
        findings.map { "\($0.kind.rawValue) \($0.sequence)" }
    }

    private func keys() throws -> (first: AuditSigningKey, second: AuditSigningKey) {
        (AuditSigningKey(privateKey: try F.signingKey()), AuditSigningKey(privateKey: try F.otherKey()))
    }

    /// A log of 50 records with checkpoints at 20 signed by `first` and at 50 by `second`.
    private func log() throws -> (records: [StoredAuditRecord], checkpoints: [AuditCheckpoint]) {
        let (first, second) = try keys()
        var appender = AuditLogAppender()
        var records: [StoredAuditRecord] = []
        var checkpoints: [AuditCheckpoint] = []
        for sequence in Int64(1)...50 {
            records.append(appender.append(canonicalBytes: F.canonicalBytes(sequence)))
            if sequence == 20 { checkpoints.append(try appender.checkpoint(time: 1_700_000_020, key: first)) }
            if sequence == 50 { checkpoints.append(try appender.checkpoint(time: 1_700_000_050, key: second)) }
        }
        return (records, checkpoints)
    }

    private func verify(_ records: [StoredAuditRecord], _ checkpoints: [AuditCheckpoint], keys: [AuditPublicKey], from: Int64 = 1, previous: AuditDigest = AuditChain.genesis) -> (findings: [AuditTamperFinding], verifier: AuditLogVerifier) {
        var verifier = AuditLogVerifier(checkpoints: checkpoints, publicKeys: keys, resumingAt: from, previousChainHash: previous)
        for record in records where record.sequence >= from { _ = verifier.check(record) }
        return (verifier.finish(), verifier)
    }

    @Test("Each checkpoint verifies with the key its kid names, among several")
    func keysByID() throws {
        let (first, second) = try keys()
        let log = try log()
        let result = verify(log.records, log.checkpoints, keys: [first.publicKey, second.publicKey])
        #expect(result.findings.isEmpty)
        #expect(result.verifier.checksMerkleRoots && result.verifier.checkpointsCompared == 2)
    }

    @Test("A checkpoint naming a key not given, or signed by another key than it names, has a bad signature")
    func unknownOrWrongKey() throws {
        let (first, second) = try keys()
        let log = try log()
        #expect(summary(verify(log.records, log.checkpoints, keys: [first.publicKey]).findings) == ["badSignature 50"])
        let signed = log.checkpoints[1]
        let misnamed = try AuditCheckpoint(treeSize: signed.treeSize, root: signed.root, chainHead: signed.chainHead, time: signed.time, signature: signed.signature, keyID: first.keyID)
        #expect(summary(verify(log.records, [log.checkpoints[0], misnamed], keys: [first.publicKey, second.publicKey]).findings) == ["badSignature 50"])
    }

    @Test("A checkpoint without a kid verifies with any of the keys")
    func unnamedKey() throws {
        let (first, second) = try keys()
        let log = try F.log(checkpointSizes: [50])   // signed with the first key, no kid
        #expect(log.checkpoints[0].keyID == nil)
        #expect(verify(log.records, log.checkpoints, keys: [second.publicKey, first.publicKey]).findings.isEmpty)
        #expect(summary(verify(log.records, log.checkpoints, keys: [second.publicKey]).findings) == ["badSignature 50"])
    }

    @Test("Resumed at 21 after the stored hash of 20: an intact tail passes, and the chain heads are compared")
    func resumedIntact() throws {
        let (first, second) = try keys()
        let log = try log()
        let result = verify(log.records, log.checkpoints, keys: [first.publicKey, second.publicKey], from: 21, previous: log.records[19].chainHash)
        #expect(result.findings.isEmpty)
        #expect(!result.verifier.checksMerkleRoots)
        #expect(result.verifier.checkpointsCompared == 2)   // 20 against the trusted start, 50 at the end
    }

    @Test("Resumed at 21: a change before it is not seen, one after it is")
    func resumedScope() throws {
        let (first, second) = try keys()
        let log = try log()
        let keys = [first.publicKey, second.publicKey]
        var early = log.records
        early[9].canonicalBytes[2] ^= 0x01
        #expect(verify(early, log.checkpoints, keys: keys, from: 21, previous: early[19].chainHash).findings.isEmpty)
        var late = log.records
        late[29].canonicalBytes[2] ^= 0x01
        #expect(summary(verify(late, log.checkpoints, keys: keys, from: 21, previous: late[19].chainHash).findings) == ["altered 30"])
    }

    @Test("Resumed at 21: a chain recomputed after 30 is caught by the chain head of the checkpoint at 50")
    func resumedRewrite() throws {
        let (first, second) = try keys()
        let log = try log()
        var records = log.records
        records[29].canonicalBytes[2] ^= 0x01
        let rewritten = F.rechained(records, from: 30)
        let findings = verify(rewritten, log.checkpoints, keys: [first.publicKey, second.publicKey], from: 21, previous: rewritten[19].chainHash).findings
        #expect(summary(findings) == ["truncated 50"])
        #expect(findings.first?.checkpointTreeSize == 50)
    }

    @Test("Resumed: a tail cut off below a checkpoint is truncated at the first missing record")
    func resumedTruncated() throws {
        let (first, second) = try keys()
        let log = try log()
        let findings = verify(Array(log.records.prefix(40)), log.checkpoints, keys: [first.publicKey, second.publicKey], from: 21, previous: log.records[19].chainHash).findings
        #expect(summary(findings) == ["truncated 41"])
        #expect(findings.first?.checkpointTreeSize == 50)
    }
}
