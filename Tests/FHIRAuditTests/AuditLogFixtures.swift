import Crypto
import FHIRAudit
import Testing

/// A small audit log, its checkpoints and keys, and the ways the tamper tests change it.
enum AuditLogFixtures {
    /// The log's signing key, the same in every run.
    static func signingKey() throws -> P256.Signing.PrivateKey {
        try P256.Signing.PrivateKey(rawRepresentation: [UInt8](repeating: 0x11, count: 32))
    }

    /// A key that did not sign the log.
    static func otherKey() throws -> P256.Signing.PrivateKey {
        try P256.Signing.PrivateKey(rawRepresentation: [UInt8](repeating: 0x22, count: 32))
    }

    /// The canonical bytes of made-up record `sequence`.
    static func canonicalBytes(_ sequence: Int64) -> [UInt8] {
        Array(#"{"action":"read","agent":"Practitioner/dr-\#(sequence % 7)","entity":"Patient/p\#(sequence)","sequence":\#(sequence)}"#.utf8)
    }

    /// A log of `count` records and its checkpoints signed at `checkpointSizes`.
    static func log(count: Int64 = 50, checkpointSizes: Set<Int64> = [50]) throws -> (records: [StoredAuditRecord], checkpoints: [AuditCheckpoint]) {
        var appender = AuditLogAppender()
        var records: [StoredAuditRecord] = []
        var checkpoints: [AuditCheckpoint] = []
        let key = try signingKey()
        if checkpointSizes.contains(0) { checkpoints.append(try appender.checkpoint(time: 1_700_000_000, signingKey: key)) }
        for sequence in stride(from: Int64(1), through: count, by: 1) {
            records.append(appender.append(canonicalBytes: canonicalBytes(sequence)))
            if checkpointSizes.contains(sequence) {
                checkpoints.append(try appender.checkpoint(time: 1_700_000_000 + sequence, signingKey: key))
            }
        }
        return (records, checkpoints)
    }

    /// What the verifier reports for these records and checkpoints: every finding of `finish()`,
    /// after checking that `check` returned the first problem with the records, once.
    static func verify(_ records: [StoredAuditRecord], checkpoints: [AuditCheckpoint], publicKey: P256.Signing.PublicKey? = nil) throws -> [AuditTamperFinding] {
        var verifier = AuditLogVerifier(checkpoints: checkpoints, publicKey: try publicKey ?? signingKey().publicKey)
        let returned = records.compactMap { verifier.check($0) }
        let findings = verifier.finish()
        #expect(returned.count <= 1)
        if let first = returned.first { #expect(findings.contains(first)) }
        return findings
    }

    /// Records with the chain recomputed from `sequence` on, as a rewriter who knows the
    /// (keyless) chain would leave them.
    static func rechained(_ records: [StoredAuditRecord], from sequence: Int64) -> [StoredAuditRecord] {
        var result = records
        var previous = AuditChain.genesis
        for index in result.indices {
            if result[index].sequence >= sequence {
                result[index].chainHash = AuditChain.chainHash(previous: previous, sequence: result[index].sequence, canonicalBytes: result[index].canonicalBytes)
            }
            previous = result[index].chainHash
        }
        return result
    }
}
