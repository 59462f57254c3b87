import FHIRModel
import FHIRStore
import Foundation

extension FHIRService {
    /// Records what a request wrote, inside the transaction that wrote it, after its writes and
    /// before it commits, so the record commits or rolls back with them. Every write path calls
    /// it once per PostgreSQL transaction: a create, update, conditional update, patch or
    /// delete on its own or as a batch entry, and a whole transaction Bundle.
    ///
    /// It writes one Provenance (see docs/provenance.md), then the request's audit record
    /// (``recordAudit(ofWritten:for:created:in:)``). The Provenance targets every version in
    /// `written` but a Provenance's (``ProvenanceBuilder/targets(of:)``): Kiln's own, or the client's
    /// `X-Provenance` completed and validated. None when nothing is left to target (a
    /// conditional create that matched, a delete of what was gone, a write of a Provenance) —
    /// but a bad `X-Provenance` is refused even then, so a header is judged the same whatever
    /// the write turns out to do.
    ///
    /// The Provenance is written by the server, not by the caller: it needs no permission of
    /// its own and is stored like any create (new id, version 1, its search index rows).
    ///
    /// - Throws: 400 for a bad `X-Provenance` (the transaction then rolls back: nothing is
    ///   written); the store's errors.
    func recordWrites(_ written: [WrittenVersion], for request: FHIRRequest, in transaction: StoreTransaction) async throws {
        let targets = ProvenanceBuilder.targets(of: written)
        guard !targets.isEmpty else {
            try checkProvenanceHeader(of: request, now: transaction.now)
            try await recordAudit(ofWritten: written.map(\.reference), for: request, created: written.contains { $0.activity == .create }, in: transaction)
            return
        }
        let provenance = try provenance(recording: targets, for: request, recorded: transaction.now)
        let id = ResourceIDGenerator.make(now: transaction.now)
        let write = try planCreate(type: "Provenance", id: id, body: .object(provenance), in: transaction)
        try await transaction.write([write])
        // The audit record comes last: appending holds the log's head until the commit.
        try await recordAudit(ofWritten: written.map(\.reference) + ["Provenance/\(id)/_history/1"], for: request,
                              created: written.contains { $0.activity == .create }, in: transaction)
    }

    /// Throws the 400 that `request`'s `X-Provenance` header would get once its writes are
    /// recorded, without writing anything: for a Bundle, before its entries run, so a bad
    /// header fails the whole Bundle (a batch too) rather than each entry. The header's
    /// Provenance is completed with a stand-in target to be validated.
    func checkProvenanceHeader(of request: FHIRRequest, now: Date) throws(FHIRError) {
        guard request.provenanceHeader != nil else { return }
        let standIn = WrittenVersion(resourceType: "Basic", id: "pending", versionID: 1, activity: .create)
        _ = try provenance(recording: [standIn], for: request, recorded: now)
    }

    /// The Provenance to store for `targets`: Kiln's, or the client's `X-Provenance` merged
    /// with it and validated in Provenance's ``ValidationMode`` (400 when rejected).
    private func provenance(recording targets: [WrittenVersion], for request: FHIRRequest, recorded: Date) throws(FHIRError) -> JSONObject {
        let kiln = ProvenanceBuilder.provenance(targets: targets, principal: request.principal, requestID: request.requestID, recorded: recorded)
        guard let header = request.provenanceHeader else { return kiln }
        let merged = ProvenanceHeader.merge(try ProvenanceHeader.clientProvenance(header), into: kiln)
        do {
            _ = try validateWrite(.object(merged), type: "Provenance")
        } catch {
            throw ProvenanceHeader.rejected(error)
        }
        return merged
    }
}
