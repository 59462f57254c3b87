import NIOCore
import PostgresNIO

extension AuditLogStore {
    /// The records `query` finds, one page, through the indexes of `audit_record`.
    public func search(_ query: AuditLogQuery) async throws -> AuditLogPage {
        var sql = SQLBuilder()
        sql.append("SELECT seq, canonical FROM audit_record WHERE true")
        if let from = query.recordedFrom {
            sql.append(" AND recorded >= ")
            sql.bind(from)
        }
        if let before = query.recordedBefore {
            sql.append(" AND recorded < ")
            sql.bind(before)
        }
        func any(_ column: String, _ values: [String]) {
            guard !values.isEmpty else { return }
            sql.append(" AND \(column) = ANY(")
            sql.bind(values)
            sql.append("::text[])")
        }
        func overlaps(_ column: String, _ values: [String]) {
            guard !values.isEmpty else { return }
            sql.append(" AND \(column) && ")
            sql.bind(values)
            sql.append("::text[]")
        }
        any("id", query.ids)
        any("type_code", query.types)
        any("outcome", query.outcomes)
        any("action", query.actions)
        overlaps("subtypes", query.subtypes)
        overlaps("agents", query.agents)
        overlaps("patients", query.patients)
        overlaps("entities", query.entities)
        overlaps("purposes", query.purposes)
        if let after = query.after {
            sql.append(query.newestFirst ? " AND seq < " : " AND seq > ")
            sql.bind(after)
        }
        sql.append(query.newestFirst ? " ORDER BY seq DESC LIMIT " : " ORDER BY seq LIMIT ")
        sql.bind(query.count + 1)
        let rows = try await client.query(sql.query, logger: logger)
        var records: [(sequence: Int64, canonical: [UInt8])] = []
        for try await (sequence, canonical) in rows.decode((Int64, ByteBuffer).self) {
            records.append((sequence, Array(buffer: canonical)))
        }
        let hasMore = records.count > query.count
        if hasMore { records.removeLast() }
        return AuditLogPage(records: records, hasMore: hasMore)
    }
}
