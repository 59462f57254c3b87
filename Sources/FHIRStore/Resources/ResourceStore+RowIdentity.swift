public import FHIRSearch
import PostgresNIO

extension ResourceStore {
    /// The logical id of the resource of `resourceType` whose row identity (`resource.rid`) is
    /// `rowID`, deleted or not; nil when there is none.
    public func id(ofRow rowID: Int64, resourceType: String) async throws -> String? {
        let rows = try await client.query(
            "SELECT r.id FROM resource r WHERE r.rid = \(rowID) AND r.resource_type = \(resourceType)",
            logger: logger
        )
        for try await id in rows.decode(String.self) { return id }
        return nil
    }

    /// The current version (a tombstone when deleted) of the resource of `resourceType` whose
    /// row identity is `rowID`, when `visibility` (a compiled `SearchCompiler.visibility` of that
    /// row; nil lets every row through) finds it: one query for both. Nil when there is no such
    /// row or the caller may not see it, which the caller cannot tell apart.
    public func readVisible(rowID: Int64, resourceType: String, visibility: SQLStatement?) async throws -> StoredResource? {
        var query = SQLBuilder()
        query.append("SELECT \(ResourceReader.columns) FROM resource r ")
        query.append("JOIN resource_version v ON v.resource_type = r.resource_type AND v.id = r.id AND v.version_id = r.version_id WHERE r.rid = ")
        query.bind(rowID)
        query.append(" AND r.resource_type = ")
        query.bind(resourceType)
        if let visibility {
            query.append(" AND EXISTS (")
            query.append(visibility)
            query.append(")")
        }
        let rows = try await client.query(query.query, logger: logger)
        return try await ResourceReader.decode(rows).first
    }

    /// The row identity of `resourceType`/`id` when an earlier ``rowIDs(of:)`` found it; never
    /// asks the database, so nil says only that it is not known yet.
    public func knownRowID(resourceType: String, id: String) -> Int64? {
        rowIdentities.known("\(resourceType)/\(id)")
    }

    /// The row identities (`resource.rid`) of the given resources, keyed `Type/id`; resources
    /// that were never stored are absent. Identities looked up before come from memory (they
    /// never change), the rest from one query.
    public func rowIDs(of resources: [(resourceType: String, id: String)]) async throws -> [String: Int64] {
        var found = rowIdentities.known(resources.map { "\($0.resourceType)/\($0.id)" })
        let missing = resources.filter { found["\($0.resourceType)/\($0.id)"] == nil }
        guard !missing.isEmpty else { return found }
        let read = try await currentRows(of: missing).compactMapValues { $0.versionID > 0 ? $0.rowID : nil }
        rowIdentities.record(read)
        found.merge(read) { current, _ in current }
        return found
    }
}
