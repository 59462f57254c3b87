import PostgresNIO

/// The SQL that finds current, not deleted resources matching ``MatchCriteria``.
enum MatchQuery {
    /// `SELECT <columns> FROM resource r [JOIN resource_version v] WHERE …` for `criteria`.
    static func build(resourceType: String, criteria: MatchCriteria, select columns: String, joinVersions: Bool) -> SQLBuilder {
        var builder = SQLBuilder()
        builder.append("SELECT \(columns) FROM resource r")
        if joinVersions {
            builder.append(" JOIN resource_version v ON v.resource_type = r.resource_type AND v.id = r.id AND v.version_id = r.version_id")
        }
        builder.append(" WHERE r.resource_type = ")
        builder.bind(resourceType)
        builder.append(" AND r.version_id > 0 AND NOT r.is_deleted")
        for ids in criteria.ids {
            builder.append(" AND r.id = ANY(")
            builder.bind(ids)
            builder.append(")")
        }
        for condition in criteria.identifiers {
            builder.append(" AND EXISTS (SELECT 1 FROM token_index t WHERE t.resource_type = r.resource_type AND t.id = r.id AND t.param = 'identifier' AND (")
            for (position, token) in condition.enumerated() {
                if position > 0 { builder.append(" OR ") }
                builder.append("(true")
                if let code = token.code {
                    builder.append(" AND t.code = ")
                    builder.bind(code)
                }
                if let system = token.system {
                    builder.append(" AND t.system = ")
                    builder.bind(system)
                }
                builder.append(")")
            }
            builder.append("))")
        }
        return builder
    }
}
