import FHIRAudit
import Foundation
import Logging
import NIOCore
import PostgresNIO

/// Fills an empty audit log quickly: the chain is computed here with FHIRAudit's appender (as
/// PostgreSQL's `audit_append` would compute it), and the records go in as multi-row INSERTs
/// from arrays, several at once, the append-only triggers allowing inserts. The chain head is
/// set at the end.
struct AuditLogFiller: Sendable {
    let client: PostgresClient
    let logger: Logger

    /// What filling took.
    struct Figures: Sendable {
        var records: Int
        var canonicalBytes: Int
        var seconds: Double
    }

    /// Appends records 1 through `count` of ``SyntheticAuditEvent`` with `loaders` concurrent
    /// INSERTs of `batch` records, reporting progress every tenth.
    func fill(count: Int, loaders: Int, batch: Int, progress: @Sendable (Int) -> Void) async throws -> Figures {
        let started = ContinuousClock.now
        var appender = AuditLogAppender()
        var bytes = 0
        var reported = 0
        try await withThrowingTaskGroup(of: Void.self) { group in
            var inFlight = 0
            var next = 1
            while next <= count {
                let last = min(next + batch - 1, count)
                var records: [AuditRecord] = []
                var hashes: [AuditDigest] = []
                records.reserveCapacity(last - next + 1)
                for number in next...last {
                    let record = SyntheticAuditEvent.record(number)
                    hashes.append(appender.append(canonicalBytes: record.canonical).chainHash)
                    bytes += record.canonical.count
                    records.append(record)
                }
                if inFlight >= loaders {
                    try await group.next()
                    inFlight -= 1
                }
                let (first, chunk, chain) = (Int64(next), records, hashes)
                group.addTask { try await insert(first: first, records: chunk, chainHashes: chain) }
                inFlight += 1
                next = last + 1
                if (last * 10) / count > reported {
                    reported = (last * 10) / count
                    progress(last)
                }
            }
            try await group.waitForAll()
        }
        try await client.query(
            "UPDATE audit_chain_head SET seq = \(appender.lastSequence), chain_hash = \(ByteBuffer(bytes: appender.chainHead.bytes)) WHERE only_row",
            logger: logger)
        return Figures(records: count, canonicalBytes: bytes, seconds: (ContinuousClock.now - started).seconds)
    }

    /// One multi-row INSERT of `records`, numbered from `first`, with their chain hashes.
    private func insert(first: Int64, records: [AuditRecord], chainHashes: [AuditDigest]) async throws {
        let separator = "\u{1F}"
        let sequences = (0..<Int64(records.count)).map { first + $0 }
        let ids = records.map(\.id)
        let recorded = records.map(\.recorded)
        let canonical = records.map { ByteBuffer(bytes: $0.canonical) }
        let hashes = chainHashes.map { ByteBuffer(bytes: $0.bytes) }
        let types = records.map(\.typeCode)
        let subtypes = records.map { $0.subtypes.joined(separator: separator) }
        let actions = records.map { $0.action ?? "" }
        let outcomes = records.map(\.outcome)
        let patients = records.map { $0.patients.joined(separator: separator) }
        let agents = records.map { $0.agents.joined(separator: separator) }
        let purposes = records.map { $0.purposes.joined(separator: separator) }
        let entities = records.map { $0.entities.joined(separator: separator) }
        try await client.query(
            """
            INSERT INTO audit_record (seq, id, recorded, canonical, chain_hash, type_code, subtypes, action, outcome, patients, agents, purposes, entities)
            SELECT s, i, r, c, h, t, string_to_array(st, E'\\x1f'), a, o, string_to_array(p, E'\\x1f'), string_to_array(ag, E'\\x1f'),
                   string_to_array(pu, E'\\x1f'), string_to_array(e, E'\\x1f')
            FROM unnest(\(sequences)::bigint[], \(ids)::text[], \(recorded)::timestamptz[], \(canonical)::bytea[], \(hashes)::bytea[],
                        \(types)::text[], \(subtypes)::text[], \(actions)::text[], \(outcomes)::text[], \(patients)::text[], \(agents)::text[],
                        \(purposes)::text[], \(entities)::text[]) AS u(s, i, r, c, h, t, st, a, o, p, ag, pu, e)
            """,
            logger: logger)
    }
}
