public import FHIRAccess

extension SearchCompiler {
    /// Whether the caller may see the resource `resourceType`/`id`: a statement returning its id
    /// when its current version passes `filter`, no row otherwise. Nil when the filter
    /// lets everything through, so unrestricted callers pay nothing. Reads, version reads and
    /// instance history ask it before returning anything; writes ask it of the resource as
    /// written, inside their transaction, so a write outside the filter rolls back.
    ///
    /// A deleted resource has no index rows, so a compartment or granular filter no longer sees
    /// it: to such a caller it is absent (404), not gone (410).
    public func visibility(resourceType: String, id: String, filter: AccessFilter) -> SQLStatement? {
        visibility(resourceType: resourceType, column: "r.id", value: .text(id), filter: filter)
    }

    /// The same for the resource of `resourceType` whose row identity (`resource.rid`) is
    /// `rowID`, for a view that names resources by their row (the research view's pseudonyms).
    public func visibility(resourceType: String, rowID: Int64, filter: AccessFilter) -> SQLStatement? {
        visibility(resourceType: resourceType, column: "r.rid", value: .integer(rowID), filter: filter)
    }

    /// The visibility statement of the resource of `resourceType` whose `column` is `value`.
    private func visibility(resourceType: String, column: String, value: SQLValue, filter: AccessFilter) -> SQLStatement? {
        guard !filter.isUnrestricted else { return nil }
        var sql = SQLCompilation(compiler: self)
        sql.append("SELECT r.id FROM resource r WHERE r.resource_type = ")
        sql.bind(.text(resourceType))
        sql.append(" AND \(column) = ")
        sql.bind(value)
        sql.appendAccess(filter, alias: "r", scope: .single(resourceType))
        return sql.statement
    }

    /// The `(resource_type, id)` pairs of the current resources of `resourceTypes` (every type
    /// when nil) that `filter` lets the caller see, as a subquery for type and system history;
    /// nil when the filter lets everything through.
    public func visibleResources(resourceTypes: [String]?, filter: AccessFilter) -> SQLStatement? {
        guard !filter.isUnrestricted else { return nil }
        let scope: TypeScope = resourceTypes.map { $0.count == 1 ? .single($0[0]) : .several($0) } ?? .any
        var sql = SQLCompilation(compiler: self)
        sql.append("SELECT r.resource_type, r.id FROM resource r WHERE true")
        sql.appendTypeTest(column: "r.resource_type", scope: scope)
        sql.appendAccess(filter, alias: "r", scope: scope)
        return sql.statement
    }
}
