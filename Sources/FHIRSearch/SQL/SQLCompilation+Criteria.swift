import FHIRDefinitions
import Foundation

extension SQLCompilation {
    /// `code = $c [AND system = $s]`, or `system = $s` for `system|`.
    mutating func appendToken(_ criterion: TokenCriterion, system: String, code: String) {
        append("(true")
        if let value = criterion.code {
            append(" AND \(code) = ")
            bind(.text(value))
        }
        if let value = criterion.system {
            append(" AND \(system) = ")
            bind(.text(value))
        }
        append(")")
    }

    /// Starts-with and contains over the normalized column, equality for `:exact` (narrowed
    /// by the normalized column, which the index covers).
    mutating func appendString(_ criterion: StringCriterion, normalized: String, exact: String) {
        switch criterion.match {
        case .startsWith:
            append("\(normalized) LIKE ")
            bind(.text(Self.likePrefix(criterion.value)))
        case .contains:
            append("\(normalized) LIKE ")
            bind(.text("%" + Self.likeEscaped(criterion.value) + "%"))
        case .exact:
            append("(\(normalized) = ")
            bind(.text(SearchText.normalize(criterion.value)))
            append(" AND \(exact) = ")
            bind(.text(criterion.value))
            append(")")
        }
    }

    /// A stored range `[low, high)` against a search range, by the prefix's rule on the R4
    /// search page: `eq` is containment, `gt` and `lt` overlap with what lies above or below,
    /// `ge` and `le` either, `sa` and `eb` lie wholly after or before, `ap` overlaps the search
    /// range widened by a tenth of its distance from now.
    mutating func appendDate(_ criterion: DateCriterion, low: String, high: String) {
        let searchLow = SQLValue.timestamp(criterion.low)
        let searchHigh = SQLValue.timestamp(criterion.high)
        switch criterion.comparator {
        case .eq, .ne:
            append(criterion.comparator == .ne ? "NOT (" : "(")
            append("\(low) >= "); bind(searchLow)
            append(" AND \(high) <= "); bind(searchHigh)
            // Implied by the two above (a stored range is never empty), and what lets an index
            // on either bound read just the searched range.
            append(" AND \(low) < "); bind(searchHigh)
            append(" AND \(high) > "); bind(searchLow)
            append(")")
        case .gt:
            append("\(high) > "); bind(searchHigh)
        case .lt:
            append("\(low) < "); bind(searchLow)
        case .ge:
            append("(\(low) >= "); bind(searchLow)
            append(" OR \(high) > "); bind(searchHigh)
            append(")")
        case .le:
            append("(\(high) <= "); bind(searchHigh)
            append(" OR \(low) < "); bind(searchLow)
            append(")")
        case .sa:
            append("\(low) >= "); bind(searchHigh)
        case .eb:
            append("\(high) <= "); bind(searchLow)
        case .ap:
            let distance = abs(criterion.low.timeIntervalSince(compiler.now)) / 10
            append("(\(low) < "); bind(.timestamp(criterion.high.addingTimeInterval(distance)))
            append(" AND \(high) > "); bind(.timestamp(criterion.low.addingTimeInterval(-distance)))
            append(")")
        }
    }

    /// A stored number against a search number: `eq` and `ne` use the range the search value's
    /// precision implies, the other prefixes the value itself; `ap` is within 10%.
    mutating func appendNumber(_ criterion: NumberCriterion, value: String) {
        switch criterion.comparator {
        case .eq, .ne:
            append(criterion.comparator == .ne ? "NOT (" : "(")
            append("\(value) >= "); bind(.decimal(criterion.low))
            append(" AND \(value) < "); bind(.decimal(criterion.high))
            append(")")
        case .gt, .sa:
            append("\(value) > "); bind(.decimal(criterion.value))
        case .lt, .eb:
            append("\(value) < "); bind(.decimal(criterion.value))
        case .ge:
            append("\(value) >= "); bind(.decimal(criterion.value))
        case .le:
            append("\(value) <= "); bind(.decimal(criterion.value))
        case .ap:
            let margin = abs(criterion.value) / 10
            append("\(value) BETWEEN "); bind(.decimal(criterion.value - margin))
            append(" AND "); bind(.decimal(criterion.value + margin))
        }
    }

    /// A quantity: in canonical UCUM units when the search value converts, else as written with
    /// its system and code.
    mutating func appendQuantity(_ criterion: QuantityCriterion, value: String, system: String, code: String, canonicalValue: String, canonicalCode: String) {
        append("(")
        if let canonical = criterion.canonical {
            append("\(canonicalCode) = ")
            bind(.text(canonical.code))
            append(" AND ")
            appendNumber(canonical.number, value: canonicalValue)
        } else {
            appendNumber(criterion.number, value: value)
            if let wanted = criterion.system, !wanted.isEmpty {
                append(" AND \(system) = ")
                bind(.text(wanted))
            }
            if let wanted = criterion.code, !wanted.isEmpty {
                append(" AND \(code) = ")
                bind(.text(wanted))
            }
        }
        append(")")
    }

    /// Exact, `:below` (the stored URI starts with the value) or `:above` (the value starts with
    /// the stored URI).
    mutating func appendURI(_ criterion: URICriterion, column: String) {
        switch criterion.match {
        case .exact:
            append("\(column) = ")
            bind(.text(criterion.value))
        case .below:
            append("\(column) LIKE ")
            bind(.text(Self.likePrefix(criterion.value)))
        case .above:
            append("starts_with(")
            bind(.text(criterion.value))
            append(", \(column))")
        }
    }

    /// Both parts of a composite on the same row.
    mutating func appendComposite(_ criterion: CompositeCriterion, row: String) {
        append("(")
        appendToken(criterion.token, system: "\(row).system", code: "\(row).code")
        append(" AND ")
        switch criterion.value {
        case .token(let token):
            appendToken(token, system: "\(row).v_system", code: "\(row).v_code")
        case .quantity(let quantity):
            appendQuantity(quantity, value: "\(row).v_value", system: "\(row).v_system", code: "\(row).v_code",
                           canonicalValue: "\(row).v_canonical_value", canonicalCode: "\(row).v_canonical_code")
        case .date(let date):
            appendDate(date, low: "\(row).v_low", high: "\(row).v_high")
        case .string(let string):
            appendString(string, normalized: "\(row).v_string", exact: "\(row).v_string")
        }
        append(")")
    }

    /// `value%` with LIKE's wildcards in `value` escaped.
    static func likePrefix(_ value: String) -> String {
        likeEscaped(value) + "%"
    }

    /// `value` with `\`, `%` and `_` escaped for LIKE (whose default escape character is `\`).
    static func likeEscaped(_ value: String) -> String {
        var escaped = ""
        for character in value {
            if character == "\\" || character == "%" || character == "_" { escaped.append("\\") }
            escaped.append(character)
        }
        return escaped
    }
}
