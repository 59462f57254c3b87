public import FHIRAudit

extension StoreTransaction {
    /// Appends audit records inside this transaction, so they commit with what it writes or
    /// not at all; returns the sequence of the first. The chain head stays locked until the
    /// transaction ends, so append last, just before it commits.
    @discardableResult
    public func appendAudit(_ records: [AuditRecord]) async throws -> Int64? {
        try await AuditLogStore.append(records, on: connection, logger: logger)
    }
}
