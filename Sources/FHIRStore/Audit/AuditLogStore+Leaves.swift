public import FHIRAudit
import NIOCore
import PostgresNIO

extension AuditLogStore {
    /// The leaves of the records from sequence `from` on, at most `limit`, in sequence order.
    /// PostgreSQL hashes the bytes (SHA-256(0x00 ‖ canonical)), so only 72 bytes a record
    /// travel: the Merkle tree of a million records is rebuilt in seconds.
    public func leaves(from: Int64, limit: Int) async throws -> [AuditLeaf] {
        try await leaves(from: from, through: Int64.max, limit: limit)
    }

    /// The leaves of the records from `from` through `through`, at most `limit`, in sequence order.
    public func leaves(from: Int64, through: Int64, limit: Int) async throws -> [AuditLeaf] {
        let rows = try await client.query(
            """
            SELECT seq, sha256('\\x00'::bytea || canonical), chain_hash FROM audit_record
            WHERE seq >= \(from) AND seq <= \(through) ORDER BY seq LIMIT \(limit)
            """,
            logger: logger
        )
        var leaves: [AuditLeaf] = []
        leaves.reserveCapacity(min(limit, 65_536))
        for try await (sequence, leaf, chain) in rows.decode((Int64, ByteBuffer, ByteBuffer).self) {
            guard let chainHash = AuditDigest(bytes: Array(buffer: chain)) else {
                throw AuditLogStoreError.malformedChainHash(sequence: sequence)
            }
            guard let leafHash = AuditDigest(bytes: Array(buffer: leaf)) else {
                throw AuditLogStoreError.malformedChainHash(sequence: sequence)
            }
            leaves.append(AuditLeaf(sequence: sequence, leafHash: leafHash, chainHash: chainHash))
        }
        return leaves
    }

    /// The stored records from sequence `from` on, at most `limit`, in sequence order: one
    /// batch of ``forEachRecord(from:batchSize:_:)``, for a reader that fetches the next batch
    /// while it checks this one.
    public func records(from: Int64, limit: Int) async throws -> [StoredAuditRecord] {
        let rows = try await client.query(
            "SELECT seq, canonical, chain_hash FROM audit_record WHERE seq >= \(from) ORDER BY seq LIMIT \(limit)",
            logger: logger
        )
        var records: [StoredAuditRecord] = []
        records.reserveCapacity(min(limit, 65_536))
        for try await (sequence, canonical, hash) in rows.decode((Int64, ByteBuffer, ByteBuffer).self) {
            guard let chainHash = AuditDigest(bytes: Array(buffer: hash)) else {
                throw AuditLogStoreError.malformedChainHash(sequence: sequence)
            }
            records.append(StoredAuditRecord(sequence: sequence, canonicalBytes: Array(buffer: canonical), chainHash: chainHash))
        }
        return records
    }
}
