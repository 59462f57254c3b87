public import FHIRAccess

extension SearchCompiler {
    /// One round of `_include`: the resources that references of `directives` in the resources
    /// `rids` point to, minus those in `excluding`, that the filter lets the caller see; at most
    /// `limit` rows, in row order. Nil when there are no directives or no resources.
    public func includes(_ directives: [IncludeDirective], of rids: [Int64], excluding: [Int64], filter: AccessFilter, limit: Int) -> SQLStatement? {
        guard !directives.isEmpty, !rids.isEmpty else { return nil }
        var sql = SQLCompilation(compiler: self)
        sql.append(Self.resultSource)
        sql.append(" WHERE (r.resource_type, r.id) IN (SELECT x.target_type, x.target_id FROM \(SearchTables.reference) x WHERE x.rid = ANY(")
        sql.bind(.integerArray(rids))
        sql.append(") AND ")
        sql.appendDirectives(directives, row: "x")
        sql.append(") AND ")
        sql.appendIncludedResource(excluding: excluding, filter: filter, limit: limit)
        return sql.statement
    }

    /// One round of `_revinclude`: the resources whose references of `directives` point to the
    /// resources `rids`, minus those in `excluding`, that the filter lets the caller see; at most
    /// `limit` rows. Nil when there are no directives or no resources.
    public func revIncludes(_ directives: [IncludeDirective], of rids: [Int64], excluding: [Int64], filter: AccessFilter, limit: Int) -> SQLStatement? {
        guard !directives.isEmpty, !rids.isEmpty else { return nil }
        var sql = SQLCompilation(compiler: self)
        sql.append(Self.resultSource)
        sql.append(" WHERE r.rid IN (SELECT x.rid FROM \(SearchTables.reference) x")
        sql.append(" JOIN resource m ON m.resource_type = x.target_type AND m.id = x.target_id WHERE m.rid = ANY(")
        sql.bind(.integerArray(rids))
        sql.append(") AND ")
        sql.appendDirectives(directives, row: "x")
        sql.append(") AND ")
        sql.appendIncludedResource(excluding: excluding, filter: filter, limit: limit)
        return sql.statement
    }
}

extension SQLCompilation {
    /// `(x.resource_type = $source AND x.param = $p [AND x.target_type = $t]) OR …`.
    mutating func appendDirectives(_ directives: [IncludeDirective], row: String) {
        appendAny(directives) { sql, directive in
            sql.append("(\(row).resource_type = ")
            sql.bind(.text(directive.sourceType))
            if let parameter = directive.parameter {
                sql.append(" AND \(row).param = ")
                sql.bind(.text(parameter))
            }
            if let target = directive.targetType {
                sql.append(" AND \(row).target_type = ")
                sql.bind(.text(target))
            }
            sql.append(")")
        }
    }

    /// The rest of an include statement: current, not excluded, allowed by the filter, limited.
    /// The filter is applied with the type of each row checked in SQL, since an include can
    /// reach resources of any type.
    mutating func appendIncludedResource(excluding: [Int64], filter: AccessFilter, limit: Int) {
        append("r.version_id > 0 AND NOT r.is_deleted")
        if !excluding.isEmpty {
            append(" AND r.rid <> ALL(")
            bind(.integerArray(excluding))
            append(")")
        }
        appendAccess(filter, alias: "r", scope: .any)
        append(" ORDER BY r.rid LIMIT ")
        bind(.integer(Int64(limit)))
    }
}
