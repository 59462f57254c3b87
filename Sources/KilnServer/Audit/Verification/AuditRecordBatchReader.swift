import FHIRAudit
import FHIRStore

/// Reads the log in batches in sequence order, the next batch already on its way while the
/// caller checks this one, so reading from PostgreSQL and hashing overlap.
struct AuditRecordBatchReader {
    private let log: AuditLogStore
    private let batchSize: Int
    private var pending: Task<[StoredAuditRecord], any Error>?

    /// A reader from sequence `from` on.
    init(log: AuditLogStore, from: Int64, batchSize: Int) {
        self.log = log
        self.batchSize = batchSize
        self.pending = Self.fetch(log: log, from: from, batchSize: batchSize)
    }

    /// The next batch, nil after the last.
    mutating func next() async throws -> [StoredAuditRecord]? {
        guard let task = pending else { return nil }
        let batch = try await task.value
        if batch.count == batchSize, let last = batch.last {
            pending = Self.fetch(log: log, from: last.sequence + 1, batchSize: batchSize)
        } else {
            pending = nil
        }
        return batch.isEmpty ? nil : batch
    }

    /// Stops reading ahead.
    mutating func cancel() {
        pending?.cancel()
        pending = nil
    }

    private static func fetch(log: AuditLogStore, from: Int64, batchSize: Int) -> Task<[StoredAuditRecord], any Error> {
        Task { try await log.records(from: from, limit: batchSize) }
    }
}
