import FHIRAccess

/// One statement being compiled: the SQL written so far, its bindings, and a counter that gives
/// each subquery its own table aliases.
struct SQLCompilation {
    let compiler: SearchCompiler
    private var writer = SQLWriter()
    private var aliasCount = 0
    /// The page's row-number bound (`r.rid > anchor` of a next link), repeated inside the value
    /// subqueries of the matched alias, so that each index scan starts at the anchor instead of
    /// skipping every earlier row: a deep page costs what the first one does.
    var ridBound: (alias: String, comparison: String, anchor: Int64)?

    init(compiler: SearchCompiler) {
        self.compiler = compiler
    }

    /// Appends SQL text.
    mutating func append(_ sql: String) { writer.append(sql) }

    /// Appends a bound value.
    mutating func bind(_ value: SQLValue) { writer.bind(value) }

    /// ` AND row.rid > anchor` when `alias` is the bounded one (see ``ridBound``).
    mutating func appendRidBound(row: String, alias: String) {
        guard let bound = ridBound, bound.alias == alias else { return }
        append(" AND \(row).rid \(bound.comparison) ")
        bind(.integer(bound.anchor))
    }

    /// A fresh alias such as `x3`.
    mutating func alias(_ prefix: String) -> String {
        aliasCount += 1
        return "\(prefix)\(aliasCount)"
    }

    /// The compiled statement.
    var statement: SQLStatement { writer.statement }

    /// `alias` is a current, not deleted resource of the scope's types that satisfies every
    /// condition and the access filter. Without `consentOnRow` the filter's consent check is
    /// left out for `alias` itself (the caller applies it above), never inside the conditions'
    /// subqueries.
    mutating func appendMatch(_ conditions: [SearchCondition], alias: String, scope: TypeScope, filter: AccessFilter, consentOnRow: Bool = true) {
        append("\(alias).version_id > 0 AND NOT \(alias).is_deleted")
        appendTypeTest(column: "\(alias).resource_type", scope: scope)
        for condition in conditions {
            append(" AND ")
            appendCondition(condition, alias: alias, scope: scope, filter: filter)
        }
        var rowFilter = filter
        if !consentOnRow { rowFilter.consent = nil }
        appendAccess(rowFilter, alias: alias, scope: scope)
    }

    /// ` AND column = $type` (or `= ANY($types)`); nothing for any type.
    mutating func appendTypeTest(column: String, scope: TypeScope) {
        switch scope {
        case .single(let type):
            append(" AND \(column) = ")
            bind(.text(type))
        case .several(let types):
            append(" AND \(column) = ANY(")
            bind(.textArray(types))
            append(")")
        case .any:
            break
        }
    }

    /// ` AND <the access filter on alias>`; nothing when it does not restrict the scope.
    mutating func appendAccess(_ filter: AccessFilter, alias: String, scope: TypeScope) {
        if let types = filter.resourceTypes {
            appendTypes(types, alias: alias, scope: scope)
        }
        if let patientIDs = filter.patientIDs {
            appendCompartment(patientIDs, alias: alias, scope: scope)
        }
        appendRestriction(filter.restriction, alias: alias, scope: scope)
        if let consent = filter.consent {
            appendConsent(consent, alias: alias, scope: scope)
        }
    }

    /// ` AND <alias is of one of the types>`; `false` for a single type outside them.
    private mutating func appendTypes(_ types: [String], alias: String, scope: TypeScope) {
        switch scope {
        case .single(let type):
            if !types.contains(type) { append(" AND false") }
        case .several(let scopeTypes) where scopeTypes.allSatisfy(types.contains):
            return
        case .several, .any:
            append(" AND \(alias).resource_type = ANY(")
            bind(.textArray(types))
            append(")")
        }
    }

    /// ` AND <alias is in the compartment of one of the patients>`, for the types of the scope
    /// that are in the Patient compartment.
    private mutating func appendCompartment(_ patientIDs: [String], alias: String, scope: TypeScope) {
        let restricted: Bool?
        switch scope {
        case .single(let type): restricted = compiler.compartmentTypes.contains(type)
        case .several(let types):
            let inside = types.filter { compiler.compartmentTypes.contains($0) }
            restricted = inside.isEmpty ? false : (inside.count == types.count ? true : nil)
        case .any: restricted = nil
        }
        if restricted == false { return }
        let member = self.alias("c")
        append(" AND (")
        if restricted == nil {
            append("\(alias).resource_type <> ALL(")
            bind(.textArray(compiler.compartmentTypes.sorted()))
            append(") OR ")
        }
        append("\(alias).rid IN (SELECT \(member).rid FROM \(SearchTables.compartment) \(member) WHERE \(member).patient_id = ANY(")
        bind(.textArray(patientIDs))
        append(")")
        appendRidBound(row: member, alias: alias)
        append("))")
    }

    /// ` AND <alias matches one of its type's granular queries>`, for the restricted types the
    /// scope can hold: `(type not restricted OR (type = T AND (q1 OR q2 …)) OR …)`. A query
    /// that does not parse as a search of its type, or a compiler without a parser, matches
    /// nothing.
    private mutating func appendRestriction(_ restriction: AccessRestriction, alias: String, scope: TypeScope) {
        let types: [String]
        switch scope {
        case .single(let type): types = restriction.queries(for: type) == nil ? [] : [type]
        case .several(let scopeTypes): types = scopeTypes.filter { restriction.queries(for: $0) != nil }.sorted()
        case .any: types = restriction.resourceTypes
        }
        guard !types.isEmpty else { return }
        let single: Bool
        if case .single = scope { single = true } else { single = false }
        append(" AND (")
        if !single {
            append("\(alias).resource_type <> ALL(")
            bind(.textArray(types))
            append(")")
        }
        for (position, type) in types.enumerated() {
            if !single || position > 0 { append(" OR ") }
            append("(")
            if !single {
                append("\(alias).resource_type = ")
                bind(.text(type))
                append(" AND ")
            }
            appendRestrictionQueries(restriction.queries(for: type) ?? [], type: type, alias: alias)
            append(")")
        }
        append(")")
    }

    /// `(q1) OR (q2) …` for one type; `false` when any query does not parse.
    private mutating func appendRestrictionQueries(_ queries: [[AccessParameter]], type: String, alias: String) {
        var parsed: [[SearchCondition]] = []
        for query in queries {
            let parameters = query.map { QueryParameter(name: $0.name, value: $0.value) }
            guard let parser = compiler.restrictionParser,
                  let conditions = try? parser.parseConditions(resourceType: type, parameters: parameters),
                  !conditions.isEmpty
            else {
                append("false")
                return
            }
            parsed.append(conditions)
        }
        for (position, conditions) in parsed.enumerated() {
            if position > 0 { append(" OR ") }
            append("(true")
            for condition in conditions {
                append(" AND ")
                appendCondition(condition, alias: alias, scope: .single(type), filter: .unrestricted)
            }
            append(")")
        }
    }
}
