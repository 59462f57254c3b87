import PostgresNIO

/// The current, not deleted versions of every resource of one type, in id order, read a page at
/// a time: a long listing holds one page in memory and no connection between pages.
///
/// ```swift
/// for try await definition in store.currentResources(ofType: "StructureDefinition") {
///     try registry.register(json: definition.json())
/// }
/// ```
public struct CurrentResourceSequence: AsyncSequence, Sendable {
    /// What the sequence yields.
    public typealias Element = StoredResource

    /// The default number of resources read per query.
    public static let defaultPageSize = 500

    let store: ResourceStore
    let resourceType: String
    let pageSize: Int

    /// Reads pages after the last id seen (keyset pagination on the primary key).
    public struct AsyncIterator: AsyncIteratorProtocol {
        let sequence: CurrentResourceSequence
        var buffer: [StoredResource] = []
        var position = 0
        var lastID: String?
        var isExhausted = false

        /// The next resource; nil after the last.
        public mutating func next() async throws -> StoredResource? {
            if position == buffer.count {
                guard !isExhausted else { return nil }
                buffer = try await sequence.store.currentPage(
                    resourceType: sequence.resourceType, after: lastID, limit: sequence.pageSize
                )
                position = 0
                isExhausted = buffer.count < sequence.pageSize
                lastID = buffer.last?.id
                guard !buffer.isEmpty else { return nil }
            }
            defer { position += 1 }
            return buffer[position]
        }
    }

    /// An iterator from the first id.
    public func makeAsyncIterator() -> AsyncIterator {
        AsyncIterator(sequence: self)
    }
}

extension ResourceStore {
    /// Every current, not deleted resource of `resourceType`, in id order, read `pageSize` at a time.
    public func currentResources(ofType resourceType: String, pageSize: Int = CurrentResourceSequence.defaultPageSize) -> CurrentResourceSequence {
        CurrentResourceSequence(store: self, resourceType: resourceType, pageSize: max(1, pageSize))
    }

    /// Up to `limit` current, not deleted resources of `resourceType` with ids after `lastID`
    /// (from the first when nil), in id order.
    public func currentPage(resourceType: String, after lastID: String?, limit: Int) async throws -> [StoredResource] {
        var page = SQLBuilder()
        page.append("SELECT \(ResourceReader.columns) FROM resource r JOIN resource_version v ON v.resource_type = r.resource_type AND v.id = r.id AND v.version_id = r.version_id")
        page.append(" WHERE r.resource_type = ")
        page.bind(resourceType)
        page.append(" AND r.version_id > 0 AND NOT r.is_deleted")
        if let lastID {
            page.append(" AND r.id > ")
            page.bind(lastID)
        }
        page.append(" ORDER BY r.id LIMIT ")
        page.bind(limit)
        return try await ResourceReader.decode(try await client.query(page.query, logger: logger))
    }
}
