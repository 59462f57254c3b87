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
    /// row identity is `rowID`; nil when there is none. It is not filtered: callers ask
    /// ``isVisible(_:)`` of its id.
    public func read(rowID: Int64, resourceType: String) async throws -> StoredResource? {
        let rows = try await client.query(
            """
            SELECT \(unescaped: ResourceReader.columns) FROM resource r
            JOIN resource_version v ON v.resource_type = r.resource_type AND v.id = r.id AND v.version_id = r.version_id
            WHERE r.rid = \(rowID) AND r.resource_type = \(resourceType)
            """,
            logger: logger
        )
        return try await ResourceReader.decode(rows).first
    }

    /// The row identities (`resource.rid`) of the given resources, keyed `Type/id`, in one
    /// query; resources that were never stored are absent.
    public func rowIDs(of resources: [(resourceType: String, id: String)]) async throws -> [String: Int64] {
        try await currentRows(of: resources).mapValues(\.rowID)
    }
}
