import FHIRStore

extension FHIRService {
    /// Appends the audit record of the request being served inside `transaction`, naming the
    /// versions it wrote (`references`), so the record commits with the write or not at all;
    /// the audit middleware then does not record the request again unless it fails.
    ///
    /// Called by ``recordWrites(_:for:in:)``, last before the transaction commits (the append
    /// holds the log's head until then). Nothing happens outside a request (no trail) or when
    /// the server records no audit.
    func recordAudit(ofWritten references: [String], for request: FHIRRequest, created: Bool, in transaction: StoreTransaction) async throws {
        guard let audit, let trail = AuditTrail.current, !references.isEmpty else { return }
        let status = created && trail.snapshot.interaction?.name != "transaction" ? 201 : 200
        let records = try await audit.record(PendingAudit(trail: trail, status: status, written: references), in: transaction)
        trail.noteRecordedWithWrite(records)
    }
}
