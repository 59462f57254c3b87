import FHIRConsent
public import FHIRModel
public import FHIRSearch
import Foundation
import PostgresNIO

/// What a reindex did.
public struct ReindexSummary: Sendable, Hashable {
    /// Current resources examined.
    public var examined = 0
    /// Resources whose index values changed and were rewritten.
    public var rewritten = 0
    /// Resources whose stored JSON could not be read (left as they were).
    public var unreadable = 0

    /// An empty summary.
    public init() {}
}

extension ResourceStore {
    /// Extracts the index values of every current resource again (of `resourceTypes`, or of
    /// every type when empty) and rewrites those whose values changed since they were written,
    /// comparing digests: after a change of search definitions, or to index data written before
    /// search existed. Runs in batches of `batchSize` resources, one transaction each, so it can
    /// run beside a live server. Every Consent's compiled provisions are written again too, so
    /// Consents stored before enforcement existed (or before a change of its rules) decide.
    public func reindex(
        resourceTypes: [String] = [],
        batchSize: Int = 500,
        entries: @Sendable (JSONValue) -> SearchIndexEntries,
        progress: @Sendable (ReindexSummary) -> Void = { _ in }
    ) async throws -> ReindexSummary {
        var summary = ReindexSummary()
        var lastRID: Int64 = 0
        while true {
            var query = SQLBuilder()
            query.append("SELECT r.rid, r.resource_type, r.index_digest, v.raw FROM resource r")
            query.append(" JOIN resource_version v ON v.resource_type = r.resource_type AND v.id = r.id AND v.version_id = r.version_id")
            query.append(" WHERE r.rid > ")
            query.bind(lastRID)
            query.append(" AND r.version_id > 0 AND NOT r.is_deleted")
            if !resourceTypes.isEmpty {
                query.append(" AND r.resource_type = ANY(")
                query.bind(resourceTypes)
                query.append(")")
            }
            query.append(" ORDER BY r.rid LIMIT ")
            query.bind(max(1, batchSize))
            var changed: [SearchIndexWriter.Item] = []
            var consents: [ConsentPolicyWriter.Item] = []
            var count = 0
            for try await (rid, type, digest, raw) in try await client.query(query.query, logger: logger).decode((Int64, String, Int64?, String?).self) {
                count += 1
                lastRID = rid
                summary.examined += 1
                guard let raw, let resource = try? JSONParser().parse(raw) else {
                    summary.unreadable += 1
                    continue
                }
                if type == "Consent" {
                    let compiled: CompiledConsent? = if case .enforced(let consent) = ConsentCompiler.compile(resource) { consent } else { nil }
                    consents.append(ConsentPolicyWriter.Item(rid: rid, consent: compiled))
                }
                let values = entries(resource)
                if values.digest != digest {
                    changed.append(SearchIndexWriter.Item(rid: rid, resourceType: type, entries: values))
                }
            }
            if !changed.isEmpty || !consents.isEmpty {
                let batch = changed, consentBatch = consents
                try await client.withTransaction(logger: logger) { connection in
                    try await SearchIndexWriter.write(batch, replacing: true, on: connection, logger: logger)
                    try await ConsentPolicyWriter.write(consentBatch, on: connection, logger: logger)
                }
                summary.rewritten += changed.count
            }
            progress(summary)
            if count < batchSize { return summary }
        }
    }
}
