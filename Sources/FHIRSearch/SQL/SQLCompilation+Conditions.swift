import FHIRAccess

extension SQLCompilation {
    /// One condition on `alias`, as a boolean SQL expression.
    mutating func appendCondition(_ condition: SearchCondition, alias: String, scope: TypeScope, filter: AccessFilter) {
        switch condition {
        case .id(let ids):
            append("\(alias).id = ANY(")
            bind(.textArray(ids))
            append(")")
        case .compartment(let patients):
            let member = self.alias("c")
            append("\(alias).rid IN (SELECT \(member).rid FROM \(SearchTables.compartment) \(member) WHERE \(member).patient_id = ANY(")
            bind(.textArray(patients))
            append(")")
            appendRidBound(row: member, alias: alias)
            append(")")
        case .lastUpdated(let criteria):
            appendAny(criteria) { sql, criterion in
                sql.appendDate(criterion, low: "\(alias).last_updated", high: "(\(alias).last_updated + interval '1 millisecond')")
            }
        case .token(let parameter, let criteria, let negated):
            appendValueSubquery(SearchTables.token, parameter: parameter, alias: alias, scope: scope, negated: negated) { sql, row in
                sql.appendAny(criteria) { sql, criterion in sql.appendToken(criterion, system: "\(row).system", code: "\(row).code") }
            }
        case .tokenText(let parameter, let values):
            appendValueSubquery(SearchTables.token, parameter: parameter, alias: alias, scope: scope) { sql, row in
                sql.appendAny(values) { sql, value in
                    sql.append("\(row).text LIKE ")
                    sql.bind(.text(Self.likePrefix(value)))
                }
            }
        case .string(let parameter, let criteria):
            appendValueSubquery(SearchTables.string, parameter: parameter, alias: alias, scope: scope) { sql, row in
                sql.appendAny(criteria) { sql, criterion in sql.appendString(criterion, normalized: "\(row).normalized", exact: "\(row).exact") }
            }
        case .date(let parameter, let criteria):
            appendValueSubquery(SearchTables.date, parameter: parameter, alias: alias, scope: scope) { sql, row in
                sql.appendAny(criteria) { sql, criterion in sql.appendDate(criterion, low: "\(row).low", high: "\(row).high") }
            }
        case .number(let parameter, let criteria):
            appendValueSubquery(SearchTables.number, parameter: parameter, alias: alias, scope: scope) { sql, row in
                sql.appendAny(criteria) { sql, criterion in sql.appendNumber(criterion, value: "\(row).value") }
            }
        case .quantity(let parameter, let criteria):
            appendValueSubquery(SearchTables.quantity, parameter: parameter, alias: alias, scope: scope) { sql, row in
                sql.appendAny(criteria) { sql, criterion in
                    sql.appendQuantity(criterion, value: "\(row).value", system: "\(row).system", code: "\(row).code",
                                       canonicalValue: "\(row).canonical_value", canonicalCode: "\(row).canonical_code")
                }
            }
        case .reference(let parameter, let criteria):
            appendReference(parameter: parameter, criteria: criteria, alias: alias, scope: scope)
        case .uri(let parameter, let criteria):
            appendValueSubquery(SearchTables.uri, parameter: parameter, alias: alias, scope: scope) { sql, row in
                sql.appendAny(criteria) { sql, criterion in sql.appendURI(criterion, column: "\(row).uri") }
            }
        case .composite(let parameter, let criteria):
            appendValueSubquery(SearchTables.composite, parameter: parameter, alias: alias, scope: scope) { sql, row in
                sql.appendAny(criteria) { sql, criterion in sql.appendComposite(criterion, row: row) }
            }
        case .missing(let parameter, let storage, let missing):
            let table = SearchTables.table(for: storage) ?? SearchTables.token
            appendValueSubquery(table, parameter: parameter, alias: alias, scope: scope, negated: missing) { sql, _ in
                sql.append("true")
            }
        case .chain(let parameter, let targetTypes, let inner):
            let row = self.alias("x")
            let target = self.alias("t")
            append("\(alias).rid IN (SELECT \(row).rid FROM \(SearchTables.reference) \(row)")
            append(" JOIN resource \(target) ON \(target).resource_type = \(row).target_type AND \(target).id = \(row).target_id")
            append(" WHERE \(row).param = ")
            bind(.text(parameter))
            appendTypeTest(column: "\(row).resource_type", scope: scope)
            appendRidBound(row: row, alias: alias)
            let targetScope = TypeScope(targetTypes)
            appendTypeTest(column: "\(row).target_type", scope: targetScope)
            append(" AND ")
            appendMatch([inner], alias: target, scope: targetScope, filter: filter)
            append(")")
        case .reverseChain(let sourceType, let parameter, let inner):
            let row = self.alias("x")
            let source = self.alias("s")
            if case .single = scope {
                append("\(alias).id IN (SELECT \(row).target_id")
            } else {
                append("(\(alias).resource_type, \(alias).id) IN (SELECT \(row).target_type, \(row).target_id")
            }
            append(" FROM \(SearchTables.reference) \(row) JOIN resource \(source) ON \(source).rid = \(row).rid")
            append(" WHERE \(row).resource_type = ")
            bind(.text(sourceType))
            append(" AND \(row).param = ")
            bind(.text(parameter))
            appendTypeTest(column: "\(row).target_type", scope: scope)
            append(" AND ")
            appendMatch([inner], alias: source, scope: .single(sourceType), filter: filter)
            append(")")
        }
    }

    /// `alias.rid [NOT] IN (SELECT x.rid FROM table x WHERE x.param = $p AND <type> AND (<body>))`.
    mutating func appendValueSubquery(
        _ table: String, parameter: String, alias: String, scope: TypeScope, negated: Bool = false,
        _ body: (inout SQLCompilation, String) -> Void
    ) {
        let row = self.alias("x")
        append("\(alias).rid \(negated ? "NOT IN" : "IN") (SELECT \(row).rid FROM \(table) \(row) WHERE \(row).param = ")
        bind(.text(parameter))
        appendTypeTest(column: "\(row).resource_type", scope: scope)
        appendRidBound(row: row, alias: alias)
        append(" AND (")
        body(&self, row)
        append("))")
    }

    /// `(a OR b OR …)` over `values`; `false` when there are none.
    mutating func appendAny<Value>(_ values: [Value], _ each: (inout SQLCompilation, Value) -> Void) {
        guard !values.isEmpty else {
            append("false")
            return
        }
        append("(")
        for (position, value) in values.enumerated() {
            if position > 0 { append(" OR ") }
            each(&self, value)
        }
        append(")")
    }

    /// References: local targets and URLs in the reference table, `:identifier` values in the
    /// token table under `<parameter>:identifier`.
    mutating func appendReference(parameter: String, criteria: [ReferenceCriterion], alias: String, scope: TypeScope) {
        var references: [ReferenceCriterion] = []
        var identifiers: [TokenCriterion] = []
        for criterion in criteria {
            if case .identifier(let token) = criterion { identifiers.append(token) } else { references.append(criterion) }
        }
        append("(")
        if !references.isEmpty {
            appendValueSubquery(SearchTables.reference, parameter: parameter, alias: alias, scope: scope) { sql, row in
                sql.appendAny(references) { sql, criterion in
                    switch criterion {
                    case .local(let type, let id):
                        sql.append("(\(row).target_id = ")
                        sql.bind(.text(id))
                        if let type {
                            sql.append(" AND \(row).target_type = ")
                            sql.bind(.text(type))
                        }
                        sql.append(")")
                    case .url(let url):
                        sql.append("\(row).url = ")
                        sql.bind(.text(url))
                    case .identifier:
                        sql.append("false")
                    }
                }
            }
        }
        if !identifiers.isEmpty {
            if !references.isEmpty { append(" OR ") }
            appendValueSubquery(SearchTables.token, parameter: "\(parameter):identifier", alias: alias, scope: scope) { sql, row in
                sql.appendAny(identifiers) { sql, criterion in sql.appendToken(criterion, system: "\(row).system", code: "\(row).code") }
            }
        }
        if references.isEmpty && identifiers.isEmpty { append("false") }
        append(")")
    }
}
