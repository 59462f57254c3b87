import Crypto
import FHIRAudit
import Testing

/// The streaming verifier: an intact log passes, and each way of tampering with it is reported
/// with the right kind at the right sequence.
@Suite("Audit log verifier")
struct AuditLogVerifierTests {
    typealias F = AuditLogFixtures

    /// The findings as "kind sequence", to compare with what each case expects.
    private func summary(_ findings: [AuditTamperFinding]) -> [String] {
        findings.map { "\($0.kind.rawValue) \($0.sequence)" }
    }

    @Test("An intact log of 50 records with checkpoints at 0, 20 and 50 passes")
    func intact() throws {
        let log = try F.log(checkpointSizes: [0, 20, 50])
        #expect(try F.verify(log.records, checkpoints: log.checkpoints).isEmpty)
    }

    @Test("An empty log passes, with or without a checkpoint of size 0")
    func emptyLog() throws {
        let log = try F.log(count: 0, checkpointSizes: [0])
        #expect(log.records.isEmpty && log.checkpoints.count == 1)
        #expect(try F.verify([], checkpoints: log.checkpoints).isEmpty)
        #expect(try F.verify([], checkpoints: []).isEmpty)
    }

    @Test("One byte of one record changed: altered, at that record")
    func alteredByte() throws {
        let log = try F.log()
        var records = log.records
        records[19].canonicalBytes[5] ^= 0x20
        #expect(summary(try F.verify(records, checkpoints: log.checkpoints)) == ["altered 20"])
    }

    @Test("The first or the last record changed: altered, at that record")
    func alteredEnds() throws {
        let log = try F.log()
        var first = log.records
        first[0].canonicalBytes.append(0x20)
        #expect(summary(try F.verify(first, checkpoints: log.checkpoints)) == ["altered 1"])
        var last = log.records
        last[49].canonicalBytes[0] = UInt8(ascii: "[")
        #expect(summary(try F.verify(last, checkpoints: log.checkpoints)) == ["altered 50"])
    }

    @Test("A stored chain hash changed: altered, at that record")
    func alteredHash() throws {
        let log = try F.log()
        var records = log.records
        records[29].chainHash = AuditDigest.sha256(Array("forged".utf8))
        #expect(summary(try F.verify(records, checkpoints: log.checkpoints)) == ["altered 30"])
    }

    @Test("One record deleted: deleted, at its sequence")
    func deleted() throws {
        let log = try F.log()
        var records = log.records
        records.remove(at: 19)
        #expect(summary(try F.verify(records, checkpoints: log.checkpoints)) == ["deleted 20"])
        #expect(summary(try F.verify(Array(log.records.dropFirst()), checkpoints: log.checkpoints)) == ["deleted 1"])
    }

    @Test("One record deleted and the later ones renumbered: deleted, at its sequence")
    func deletedAndRenumbered() throws {
        let log = try F.log()
        var records = log.records
        records.remove(at: 19)
        for index in 19..<records.count { records[index].sequence -= 1 }
        #expect(summary(try F.verify(records, checkpoints: log.checkpoints)) == ["deleted 20"])
    }

    @Test("One record inserted with a valid link, the later ones renumbered: inserted, at its sequence")
    func insertedWithValidLink() throws {
        let log = try F.log()
        var records = log.records
        let bytes = Array(#"{"action":"read","entity":"Patient/nobody"}"#.utf8)
        let forged = StoredAuditRecord(sequence: 20, canonicalBytes: bytes, chainHash: AuditChain.chainHash(previous: records[18].chainHash, sequence: 20, canonicalBytes: bytes))
        records.insert(forged, at: 19)
        for index in 20..<records.count { records[index].sequence += 1 }
        #expect(summary(try F.verify(records, checkpoints: log.checkpoints)) == ["inserted 20"])
    }

    @Test("One record inserted with a made-up hash, the later ones renumbered: inserted, at its sequence")
    func insertedWithBadLink() throws {
        let log = try F.log()
        var records = log.records
        records.insert(StoredAuditRecord(sequence: 20, canonicalBytes: F.canonicalBytes(999), chainHash: records[5].chainHash), at: 19)
        for index in 20..<records.count { records[index].sequence += 1 }
        #expect(summary(try F.verify(records, checkpoints: log.checkpoints)) == ["inserted 20"])
    }

    @Test("One record inserted with the sequence of the genuine one after it: inserted, at that sequence")
    func insertedDuplicateSequence() throws {
        let log = try F.log()
        var records = log.records
        let bytes = F.canonicalBytes(999)
        records.insert(StoredAuditRecord(sequence: 20, canonicalBytes: bytes, chainHash: AuditChain.chainHash(previous: records[18].chainHash, sequence: 20, canonicalBytes: bytes)), at: 19)
        #expect(summary(try F.verify(records, checkpoints: log.checkpoints)) == ["inserted 20"])
    }

    @Test("A copy of an earlier record inserted later: inserted, at the copy's sequence")
    func insertedCopy() throws {
        let log = try F.log()
        var records = log.records
        records.insert(records[9], at: 30)
        #expect(summary(try F.verify(records, checkpoints: log.checkpoints)) == ["inserted 10"])
        var repeated = log.records
        repeated.insert(repeated[29], at: 30)
        #expect(summary(try F.verify(repeated, checkpoints: log.checkpoints)) == ["inserted 30"])
    }

    @Test("Two records swapped, sequences staying in place: reordered, at the first")
    func swapped() throws {
        let log = try F.log()
        var records = log.records
        let twenty = records[19]
        let twentyOne = records[20]
        records[19] = StoredAuditRecord(sequence: 20, canonicalBytes: twentyOne.canonicalBytes, chainHash: twentyOne.chainHash)
        records[20] = StoredAuditRecord(sequence: 21, canonicalBytes: twenty.canonicalBytes, chainHash: twenty.chainHash)
        #expect(summary(try F.verify(records, checkpoints: log.checkpoints)) == ["reordered 20"])
    }

    @Test("Two records swapped with their sequences: reordered, at the first")
    func swappedWithSequences() throws {
        let log = try F.log()
        var records = log.records
        records.swapAt(19, 20)
        #expect(summary(try F.verify(records, checkpoints: log.checkpoints)) == ["reordered 20"])
    }

    @Test("Two records' bytes swapped, hashes staying in place: reordered, at the first")
    func swappedBytes() throws {
        let log = try F.log()
        var records = log.records
        let bytes = records[19].canonicalBytes
        records[19].canonicalBytes = records[20].canonicalBytes
        records[20].canonicalBytes = bytes
        #expect(summary(try F.verify(records, checkpoints: log.checkpoints)) == ["reordered 20"])
    }

    @Test("The tail cut off after a checkpoint covered it: truncated, at the first missing record")
    func truncatedTail() throws {
        let log = try F.log(checkpointSizes: [20, 50])
        #expect(summary(try F.verify(Array(log.records.prefix(40)), checkpoints: log.checkpoints)) == ["truncated 41"])
        #expect(summary(try F.verify([], checkpoints: log.checkpoints)) == ["truncated 1"])
    }

    @Test("Records rewritten with every link recomputed: truncated, at the checkpoint they no longer match")
    func rewrittenChain() throws {
        let log = try F.log(checkpointSizes: [20, 40, 50])
        var records = log.records
        records[29].canonicalBytes[5] ^= 0x20
        let rewritten = F.rechained(records, from: 30)
        #expect(summary(try F.verify(rewritten, checkpoints: log.checkpoints)) == ["truncated 40"])
    }

    @Test("The tail cut off and new records written in its place: truncated, at the checkpoint")
    func truncatedAndRewritten() throws {
        let log = try F.log(checkpointSizes: [50])
        var appender = AuditLogAppender()
        var records: [StoredAuditRecord] = []
        for sequence in Int64(1)...50 {
            records.append(appender.append(canonicalBytes: sequence <= 45 ? F.canonicalBytes(sequence) : F.canonicalBytes(1000 + sequence)))
        }
        #expect(records[44] == log.records[44])
        #expect(summary(try F.verify(records, checkpoints: log.checkpoints)) == ["truncated 50"])
    }

    @Test("A checkpoint signed with another key: badSignature, and it proves nothing")
    func badSignature() throws {
        let log = try F.log(checkpointSizes: [])
        let other = try F.otherKey()
        var appender = AuditLogAppender()
        for record in log.records { _ = appender.append(canonicalBytes: record.canonicalBytes) }
        let forged = try appender.checkpoint(time: 1_700_000_050, signingKey: other)
        #expect(summary(try F.verify(log.records, checkpoints: [forged])) == ["badSignature 50"])
        #expect(summary(try F.verify(Array(log.records.prefix(40)), checkpoints: [forged])) == ["badSignature 50"])
    }

    @Test("A checkpoint whose size was changed after signing: badSignature")
    func changedCheckpoint() throws {
        let log = try F.log(checkpointSizes: [50])
        let signed = try #require(log.checkpoints.first)
        let changed = try AuditCheckpoint(treeSize: 40, root: signed.root, chainHead: signed.chainHead, time: signed.time, signature: signed.signature)
        #expect(summary(try F.verify(Array(log.records.prefix(40)), checkpoints: [changed])) == ["badSignature 40"])
    }

    @Test("Verifying with the wrong public key: every checkpoint has a bad signature")
    func wrongPublicKey() throws {
        let log = try F.log(checkpointSizes: [20, 50])
        let findings = try F.verify(log.records, checkpoints: log.checkpoints, publicKey: F.otherKey().publicKey)
        #expect(summary(findings) == ["badSignature 20", "badSignature 50"])
    }

    @Test("Only the first problem with the records is reported, and checkpoint signatures")
    func firstProblemOnly() throws {
        let log = try F.log(checkpointSizes: [50])
        var records = log.records
        records[9].canonicalBytes[3] ^= 0x01
        records.remove(at: 30)
        records = Array(records.prefix(40))
        var verifier = AuditLogVerifier(checkpoints: log.checkpoints, publicKey: try F.signingKey().publicKey)
        var returned: [AuditTamperFinding] = []
        for record in records {
            if let finding = verifier.check(record) { returned.append(finding) }
        }
        #expect(summary(returned) == ["altered 10"])
        #expect(summary(verifier.finish()) == ["altered 10"])
    }

    @Test("A long log is checked in one pass: 20,000 records against a checkpoint of all of them")
    func longLog() throws {
        let log = try F.log(count: 20_000, checkpointSizes: [10_000, 20_000])
        var verifier = AuditLogVerifier(checkpoints: log.checkpoints, publicKey: try F.signingKey().publicKey)
        var returned = 0
        for record in log.records where verifier.check(record) != nil { returned += 1 }
        #expect(returned == 0)
        #expect(verifier.finish().isEmpty)
    }
}
