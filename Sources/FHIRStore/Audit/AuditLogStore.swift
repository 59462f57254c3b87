public import FHIRAudit
public import Foundation
public import Logging
import NIOCore
public import PostgresNIO

/// The audit log in PostgreSQL (see ``AuditTables``): appends, in a caller's transaction or in
/// their own, and the rows and checkpoints in order for verification.
///
/// ```swift
/// let log = AuditLogStore(client: postgres, logger: logger)
/// let first = try await log.append([record])           // its own transaction
/// try await log.forEachRow(from: 1) { row in … }        // in sequence order, in batches
/// ```
public struct AuditLogStore: Sendable {
    /// The connection pool.
    public let client: PostgresClient
    let logger: Logger

    /// A store over a running client (the caller runs `client.run()`).
    public init(client: PostgresClient, logger: Logger) {
        self.client = client
        self.logger = logger
    }

    /// The character that separates the items of a list column on the way in.
    static let listSeparator: Character = "\u{1F}"

    /// Appends `records` in one transaction of their own, chained after the last record;
    /// returns the sequence of the first (nil when there were none). The append is one
    /// statement, committed on its own: one round trip to the database, whose commit makes
    /// the records durable.
    @discardableResult
    public func append(_ records: [AuditRecord]) async throws -> Int64? {
        guard !records.isEmpty else { return nil }
        try Self.checkLists(of: records)
        let logger = self.logger
        return try await client.withConnection { connection in
            try await Self.append(records, on: connection, logger: logger)
        }
    }

    /// Refuses records whose list values hold the separator.
    static func checkLists(of records: [AuditRecord]) throws(AuditLogStoreError) {
        for record in records {
            for item in [record.subtypes, record.patients, record.agents, record.purposes, record.entities].joined()
            where item.contains(listSeparator) {
                throw .invalidListItem
            }
        }
    }

    /// Appends `records` on `connection` in one statement: inside the connection's transaction
    /// they commit or roll back with it (and the chain head stays locked until then); outside
    /// one, the statement commits them itself.
    static func append(_ records: [AuditRecord], on connection: PostgresConnection, logger: Logger) async throws -> Int64? {
        guard !records.isEmpty else { return nil }
        try checkLists(of: records)
        func joined(_ items: [String]) -> String { items.joined(separator: String(listSeparator)) }
        let ids = records.map(\.id)
        let recorded = records.map(\.recorded)
        let canonical = records.map { ByteBuffer(bytes: $0.canonical) }
        let types = records.map(\.typeCode)
        let subtypes = records.map { joined($0.subtypes) }
        let actions = records.map { $0.action ?? "" }
        let outcomes = records.map(\.outcome)
        let patients = records.map { joined($0.patients) }
        let agents = records.map { joined($0.agents) }
        let purposes = records.map { joined($0.purposes) }
        let entities = records.map { joined($0.entities) }
        let rows = try await connection.query(
            """
            SELECT audit_append(\(ids), \(recorded), \(canonical), \(types), \(subtypes), \(actions),
                                      \(outcomes), \(patients), \(agents), \(purposes), \(entities))
            """,
            logger: logger
        )
        for try await first in rows.decode(Int64.self) { return first }
        return nil
    }

    /// The last sequence written (0 when the log is empty) and its chain hash.
    public func head() async throws -> (sequence: Int64, chainHash: AuditDigest) {
        let rows = try await client.query("SELECT seq, chain_hash FROM audit_chain_head WHERE only_row", logger: logger)
        for try await (sequence, hash) in rows.decode((Int64, ByteBuffer).self) {
            guard let chainHash = AuditDigest(bytes: Array(buffer: hash)) else {
                throw AuditLogStoreError.malformedChainHash(sequence: sequence)
            }
            return (sequence, chainHash)
        }
        throw AuditLogStoreError.missingHead
    }

    /// How many records the log holds.
    public func count() async throws -> Int64 {
        let rows = try await client.query("SELECT count(*) FROM audit_record", logger: logger)
        for try await count in rows.decode(Int64.self) { return count }
        return 0
    }

    /// Calls `body` with every row from sequence `from` on, in sequence order, reading
    /// `batchSize` rows per query, so memory stays bounded however long the log is.
    /// A row whose chain hash is not 32 bytes is reported as ``AuditLogStoreError/malformedChainHash(sequence:)``.
    public func forEachRecord(from: Int64 = 1, batchSize: Int = 10_000, _ body: (StoredAuditRecord) throws -> Void) async throws {
        var next = from
        while true {
            let rows = try await client.query(
                """
                SELECT seq, canonical, chain_hash FROM audit_record
                WHERE seq >= \(next) ORDER BY seq LIMIT \(batchSize)
                """,
                logger: logger
            )
            var read = 0
            for try await (sequence, canonical, hash) in rows.decode((Int64, ByteBuffer, ByteBuffer).self) {
                guard let chainHash = AuditDigest(bytes: Array(buffer: hash)) else {
                    throw AuditLogStoreError.malformedChainHash(sequence: sequence)
                }
                try body(StoredAuditRecord(sequence: sequence, canonicalBytes: Array(buffer: canonical), chainHash: chainHash))
                next = sequence + 1
                read += 1
            }
            if read < batchSize { return }
        }
    }

    /// Stores a signed checkpoint over the first `treeSize` records: `body` is its exact signed
    /// JSON. A checkpoint of that size already stored is kept, and false returned.
    @discardableResult
    public func addCheckpoint(treeSize: Int64, madeAt: Date, body: [UInt8]) async throws -> Bool {
        let rows = try await client.query(
            """
            INSERT INTO audit_checkpoint (tree_size, made_at, body) VALUES (\(treeSize), \(madeAt), \(ByteBuffer(bytes: body)))
            ON CONFLICT (tree_size) DO NOTHING RETURNING tree_size
            """,
            logger: logger
        )
        for try await _ in rows.decode(Int64.self) { return true }
        return false
    }

    /// Every stored checkpoint's signed JSON, smallest tree first.
    public func checkpoints() async throws -> [[UInt8]] {
        let rows = try await client.query("SELECT body FROM audit_checkpoint ORDER BY tree_size", logger: logger)
        var bodies: [[UInt8]] = []
        for try await body in rows.decode(ByteBuffer.self) { bodies.append(Array(buffer: body)) }
        return bodies
    }
}

/// Why the audit log store refused or failed.
public enum AuditLogStoreError: Error, Sendable, Hashable, CustomStringConvertible {
    /// A list value held U+001F.
    case invalidListItem
    /// The chain head row is missing: the schema is not migrated.
    case missingHead
    /// A stored chain hash is not 32 bytes long.
    case malformedChainHash(sequence: Int64)

    public var description: String {
        switch self {
        case .invalidListItem: "An audit record's search value holds the control character U+001F"
        case .missingHead: "The audit log has no chain head; run the migrations"
        case .malformedChainHash(let sequence): "The chain hash stored with audit record \(sequence) is not 32 bytes long"
        }
    }
}
