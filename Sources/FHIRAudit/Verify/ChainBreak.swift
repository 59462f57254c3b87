/// The first record that does not continue the chain, kept until the record after it tells
/// what happened (the rules are listed on ``AuditLogVerifier``).
struct ChainBreak: Sendable, Hashable {
    /// The sequence the record should have had and linked as.
    let expected: Int64
    /// The chain hash of the last record that continued the chain, or the genesis.
    let head: AuditDigest
    /// The record that broke the chain.
    let record: ChainLink

    /// What the break is, given the record after it (nil at the end of the log).
    func finding(next: ChainLink?) -> AuditTamperFinding {
        if record.sequence > expected {
            if let next, next.links(after: head, as: expected) {
                return found(.reordered, "record \(expected) comes after record \(record.sequence)")
            }
            return found(.deleted, "the next record after \(expected - 1) is \(record.sequence)")
        }
        guard let next else {
            return found(.altered, "the last record does not hash to its stored chain hash")
        }
        if next.links(after: record.storedHash, as: expected + 1) {
            return found(.altered, "the record does not hash to its stored chain hash; the next record links to that hash")
        }
        if next.links(after: head, as: expected) {
            if record.links(after: next.storedHash, as: expected + 1) {
                return found(.reordered, "records \(expected) and \(expected + 1) traded places")
            }
            return found(.inserted, "a record that is not in the chain comes before the genuine record \(expected)")
        }
        if AuditChain.chainHash(previous: head, sequence: expected, contentHash: next.contentHash) == record.storedHash,
            AuditChain.chainHash(previous: record.storedHash, sequence: expected + 1, contentHash: record.contentHash) == next.storedHash
        {
            return found(.reordered, "the contents of records \(expected) and \(expected + 1) traded places")
        }
        if next.links(after: record.storedHash, as: expected + 2) {
            return found(.deleted, "record \(expected) is missing and the records after it were renumbered")
        }
        return found(.altered, "the record does not hash to its stored chain hash")
    }

    private func found(_ kind: AuditTamperFinding.Kind, _ detail: String) -> AuditTamperFinding {
        AuditTamperFinding(sequence: expected, kind: kind, detail: detail)
    }
}
