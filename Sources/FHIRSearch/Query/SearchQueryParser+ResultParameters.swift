import FHIRDefinitions
import Foundation

extension SearchQueryParser {
    /// The result parameters that may be given once.
    static let singleResultParameters: Set<String> = ["_count", "_sort", "_total", "_summary", "_elements", "_cursor"]

    /// `_count`: a whole number of zero or more, lowered to the largest page size.
    func pageSize(_ value: String, written: String) throws(SearchParameterProblem) -> Int {
        guard !value.isEmpty, value.utf8.allSatisfy({ $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }) else {
            throw .invalid("'_count' takes a whole number of zero or more, not '\(value)'", parameter: written)
        }
        guard let count = Int(value) else { return limits.maximumCount }
        return min(count, limits.maximumCount)
    }

    /// `_total`.
    func totalMode(_ value: String, written: String) throws(SearchParameterProblem) -> TotalMode {
        guard let mode = TotalMode(rawValue: value) else {
            throw .invalid("'_total' takes none, estimate or accurate, not '\(value)'", parameter: written)
        }
        return mode
    }

    /// `_summary`.
    func summaryMode(_ value: String, written: String) throws(SearchParameterProblem) -> SummaryMode {
        guard let mode = SummaryMode(rawValue: value) else {
            throw .invalid("'_summary' takes true, text, data, count or false, not '\(value)'", parameter: written)
        }
        return mode
    }

    /// `_elements`: top-level element names, separated by commas.
    func elementNames(_ value: String, written: String) throws(SearchParameterProblem) -> [String] {
        var names: [String] = []
        for piece in SearchValueText.values(of: value) {
            let name = SearchValueText.unescape(piece)
            guard let first = name.unicodeScalars.first, first.properties.isAlphabetic, first.isASCII,
                  name.unicodeScalars.allSatisfy({ $0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0) || $0 == "_") }) else {
                throw .invalid("'_elements' lists top-level element names such as identifier,name; '\(name)' is not one", parameter: written)
            }
            if !names.contains(name) { names.append(name) }
        }
        return names
    }

    /// `_sort`: parameter codes separated by commas, each with `-` for descending.
    func sortKeys(_ value: String, scope: SearchScope, written: String) throws(SearchParameterProblem) -> [SortKey] {
        var keys: [SortKey] = []
        for piece in SearchValueText.values(of: value) {
            let text = SearchValueText.unescape(piece)
            let descending = text.hasPrefix("-")
            let code = descending ? String(text.dropFirst()) : text
            guard !code.isEmpty else {
                throw .invalid("'_sort' has a key without a parameter in '\(value)'", parameter: written)
            }
            keys.append(SortKey(parameter: code, type: try sortValueType(of: code, scope: scope, written: written), descending: descending))
        }
        return keys
    }

    /// Where the values of the sort key `code` come from, the same on every searched type.
    private func sortValueType(of code: String, scope: SearchScope, written: String) throws(SearchParameterProblem) -> SortValueType {
        switch code {
        case "_id": return .id
        case "_lastUpdated": return .lastUpdated
        default: break
        }
        if scope.coversAllTypes, !SearchScope.commonParameters.contains(code) {
            throw .unsupported(
                "'_sort' cannot order a search across all types by '\(code)'; only \(SearchScope.commonParameters.joined(separator: ", ")) apply to every type, or name the types with _type",
                parameter: written
            )
        }
        var found: (resourceType: String, type: SortValueType)?
        for resourceType in scope.conditionTypes {
            let parameter = try supportedParameter(code, for: resourceType, written: written)
            let type: SortValueType
            switch parameter.type {
            case .token: type = .token
            case .string: type = .string
            case .date: type = .date
            case .number: type = .number
            case .quantity: type = .quantity
            case .reference: type = .reference
            case .uri: type = .uri
            case .composite, .special:
                throw .invalid("'_sort' cannot order by '\(code)', a \(parameter.type.rawValue) parameter", parameter: written)
            }
            if let found, found.type != type {
                throw .invalid("'_sort' cannot order by '\(code)': it is a different kind of value on \(found.resourceType) and \(resourceType)", parameter: written)
            }
            if found == nil { found = (resourceType, type) }
        }
        guard let found else {
            throw .invalid("'_sort' cannot order by '\(code)'", parameter: written)
        }
        return found.type
    }

    /// The page a `_cursor` continues, checked against the parsed query and the clock.
    func pageCursor(_ value: String, query: SearchQuery, now: Date) throws(SearchParameterProblem) -> PageCursor {
        guard let cursor = PageCursor(encoded: value) else {
            throw .invalid("The _cursor '\(value)' is not a valid page link; follow the links of a search result as given", parameter: "_cursor")
        }
        guard cursor.queryDigest == query.digest else {
            throw .invalid("The _cursor belongs to another search; follow the links of this search as given, or run the search again", parameter: "_cursor")
        }
        let age = Int64(now.timeIntervalSince1970.rounded(.down)) - cursor.issuedAt
        guard age <= limits.cursorLifetime else {
            throw .invalid("The _cursor has expired; run the search again", parameter: "_cursor")
        }
        return cursor
    }
}
