extension SQLCompilation {
    /// The value a resource sorts by for `key`: a column of `resource`, or the lowest (highest
    /// when descending) of its index values for the parameter.
    mutating func appendSortExpression(_ key: SortKey, alias: String) {
        let aggregate = key.descending ? "max" : "min"
        let table: String
        let column: (String) -> String
        switch key.type {
        case .id:
            append("\(alias).id")
            return
        case .lastUpdated:
            append("\(alias).last_updated")
            return
        case .token: (table, column) = (SearchTables.token, { "\($0).code" })
        case .string: (table, column) = (SearchTables.string, { "\($0).normalized" })
        case .date: (table, column) = (SearchTables.date, { key.descending ? "\($0).high" : "\($0).low" })
        case .number: (table, column) = (SearchTables.number, { "\($0).value" })
        case .quantity: (table, column) = (SearchTables.quantity, { "coalesce(\($0).canonical_value, \($0).value)" })
        case .reference: (table, column) = (SearchTables.reference, { "coalesce(\($0).target_type || '/' || \($0).target_id, \($0).url)" })
        case .uri: (table, column) = (SearchTables.uri, { "\($0).uri" })
        }
        let row = self.alias("o")
        let qualified = column(row)
        append("(SELECT \(aggregate)(\(qualified)) FROM \(table) \(row) WHERE \(row).rid = \(alias).rid AND \(row).param = ")
        bind(.text(key.parameter))
        append(")")
    }

    /// `ORDER BY` terms: the keys with missing values last, then the row number. For a previous
    /// page every direction is reversed (the caller reverses the rows back). With `keyColumns`,
    /// the keys are the output columns `<keyColumns>0`, `<keyColumns>1`, … that the statement (or
    /// the subquery `r`) selected them as, rather than computed again.
    mutating func appendOrder(_ keys: [SortKey], direction: PageCursor.Direction, keyColumns: String? = nil) {
        let reversed = direction == .previous
        for (position, key) in keys.enumerated() {
            if let keyColumns {
                append("\(keyColumns)\(position)")
            } else {
                appendSortExpression(key, alias: "r")
            }
            let descending = key.descending != reversed
            append(descending ? " DESC" : " ASC")
            append(reversed ? " NULLS FIRST, " : " NULLS LAST, ")
        }
        append(reversed ? "r.rid DESC" : "r.rid ASC")
    }

    /// The rows strictly after (or, for a previous page, before) the anchor in the sort order,
    /// comparing each key with the anchor's (`anchor.k0`, …) with missing values last.
    mutating func appendKeyset(_ keys: [SortKey], direction: PageCursor.Direction) {
        let forward = direction == .next
        append("(")
        for position in 0...keys.count {
            if position > 0 { append(" OR ") }
            append("(true")
            for earlier in 0..<position {
                append(" AND ")
                appendSortExpression(keys[earlier], alias: "r")
                append(" IS NOT DISTINCT FROM anchor.k\(earlier)")
            }
            append(" AND ")
            if position == keys.count {
                append(forward ? "r.rid > anchor.k_rid" : "r.rid < anchor.k_rid")
            } else {
                let key = keys[position]
                let greater = key.descending != forward
                let anchor = "anchor.k\(position)"
                append("(")
                appendSortExpression(key, alias: "r")
                append(greater ? " > \(anchor) OR (" : " < \(anchor) OR (")
                appendSortExpression(key, alias: "r")
                append(forward ? " IS NULL AND \(anchor) IS NOT NULL))" : " IS NOT NULL AND \(anchor) IS NULL))")
            }
            append(")")
        }
        append(")")
    }
}
