/// What the verifier keeps of a record to place it in the chain: its sequence, the SHA-256 of
/// its canonical bytes and its stored chain hash; 72 bytes however large the record.
struct ChainLink: Sendable, Hashable {
    let sequence: Int64
    let contentHash: AuditDigest
    let storedHash: AuditDigest

    init(_ record: StoredAuditRecord) {
        sequence = record.sequence
        contentHash = AuditDigest.sha256(record.canonicalBytes)
        storedHash = record.chainHash
    }

    /// Whether this record's stored hash is the chain hash of its content at `sequence` after
    /// the record whose chain hash is `previous`: it is the genuine record of that sequence.
    func links(after previous: AuditDigest, as sequence: Int64) -> Bool {
        AuditChain.chainHash(previous: previous, sequence: sequence, contentHash: contentHash) == storedHash
    }
}
