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

    /// The row identities (`resource.rid`) of the given resources, keyed `Type/id`, in one
    /// query; resources that were never stored are absent.
    public func rowIDs(of resources: [(resourceType: String, id: String)]) async throws -> [String: Int64] {
        guard !resources.isEmpty else { return [:] }
        let rows = try await client.query(
            """
            SELECT r.resource_type, r.id, r.rid FROM resource r
            JOIN unnest(\(resources.map(\.resourceType))::text[], \(resources.map(\.id))::text[]) AS k(t, i)
              ON r.resource_type = k.t AND r.id = k.i
            """,
            logger: logger
        )
        var found: [String: Int64] = [:]
        for try await (type, id, rowID) in rows.decode((String, String, Int64).self) {
            found["\(type)/\(id)"] = rowID
        }
        return found
    }
}
