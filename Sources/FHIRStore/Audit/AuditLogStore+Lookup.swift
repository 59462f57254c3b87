public import FHIRAudit
import NIOCore
import PostgresNIO

extension AuditLogStore {
    /// The record whose AuditEvent id is `id`; nil when there is none.
    public func record(id: String) async throws -> StoredAuditRecord? {
        try await firstRecord(try await client.query(
            "SELECT seq, canonical, chain_hash FROM audit_record WHERE id = \(id)", logger: logger))
    }

    /// The record at `sequence`; nil when there is none.
    public func record(sequence: Int64) async throws -> StoredAuditRecord? {
        try await firstRecord(try await client.query(
            "SELECT seq, canonical, chain_hash FROM audit_record WHERE seq = \(sequence)", logger: logger))
    }

    /// The signed JSON of the checkpoint of the largest tree; nil when there is none.
    public func latestCheckpoint() async throws -> [UInt8]? {
        let rows = try await client.query("SELECT body FROM audit_checkpoint ORDER BY tree_size DESC LIMIT 1", logger: logger)
        for try await body in rows.decode(ByteBuffer.self) { return Array(buffer: body) }
        return nil
    }

    private func firstRecord(_ rows: PostgresRowSequence) async throws -> StoredAuditRecord? {
        for try await (sequence, canonical, hash) in rows.decode((Int64, ByteBuffer, ByteBuffer).self) {
            guard let chainHash = AuditDigest(bytes: Array(buffer: hash)) else {
                throw AuditLogStoreError.malformedChainHash(sequence: sequence)
            }
            return StoredAuditRecord(sequence: sequence, canonicalBytes: Array(buffer: canonical), chainHash: chainHash)
        }
        return nil
    }
}

extension AuditLogStore {
    /// The signed JSON of the checkpoint of `treeSize` records; nil when there is none.
    public func checkpoint(treeSize: Int64) async throws -> [UInt8]? {
        let rows = try await client.query("SELECT body FROM audit_checkpoint WHERE tree_size = \(treeSize)", logger: logger)
        for try await body in rows.decode(ByteBuffer.self) { return Array(buffer: body) }
        return nil
    }

    /// Every stored checkpoint with the tree size it is stored under, smallest first: what the
    /// verifier reads, so that a body that is no checkpoint can still be named by its size.
    public func storedCheckpoints() async throws -> [(treeSize: Int64, body: [UInt8])] {
        let rows = try await client.query("SELECT tree_size, body FROM audit_checkpoint ORDER BY tree_size", logger: logger)
        var checkpoints: [(treeSize: Int64, body: [UInt8])] = []
        for try await (treeSize, body) in rows.decode((Int64, ByteBuffer).self) {
            checkpoints.append((treeSize, Array(buffer: body)))
        }
        return checkpoints
    }
}
