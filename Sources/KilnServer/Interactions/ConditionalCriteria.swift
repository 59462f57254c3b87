import FHIRModel
import FHIRStore

/// Parses the search criteria of conditional interactions into ``MatchCriteria``.
///
/// Supported: `_id` and `identifier` (token forms `system|value`, `value`, `|value`, `system|`),
/// comma for OR, repetition for AND. Any other parameter is refused with 400 rather than ignored:
/// ignoring a criterion would widen the match and could update or delete the wrong resource.
enum ConditionalCriteria {
    /// The parameters conditional interactions understand.
    static let supportedParameters = ["_id", "identifier"]

    /// Criteria from query parameters; `ignoring` names result parameters to skip (such as `_count`).
    static func parse(_ parameters: [QueryParameter], ignoring: Set<String> = []) throws(FHIRError) -> MatchCriteria {
        var criteria = MatchCriteria()
        for parameter in parameters where !ignoring.contains(parameter.name) {
            let values = parameter.value.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
            switch parameter.name {
            case "_id":
                guard values.allSatisfy(ResourceInput.isValidID) else {
                    throw FHIRError.badRequest("'_id=\(parameter.value)' contains a value that is not a valid resource id")
                }
                criteria.ids.append(values)
            case "identifier":
                var tokens: [TokenCriterion] = []
                for value in values {
                    guard let token = TokenCriterion(parsing: value) else {
                        throw FHIRError.badRequest("'identifier=\(parameter.value)' has an empty value; expected system|value, value or |value")
                    }
                    tokens.append(token)
                }
                criteria.identifiers.append(tokens)
            default:
                throw FHIRError.badRequest("The search parameter '\(parameter.name)' is not supported here; supported: \(supportedParameters.joined(separator: ", "))", code: .notSupported)
            }
        }
        return criteria
    }

    /// Criteria from a query string such as `If-None-Exist` carries (a leading `?` or `Type?` is allowed).
    static func parse(_ queryString: String) throws(FHIRError) -> MatchCriteria {
        var text = Substring(queryString)
        if let mark = text.firstIndex(of: "?") { text = text[text.index(after: mark)...] }
        let criteria = try parse(QueryParameter.parse(String(text)))
        guard !criteria.isEmpty else {
            throw FHIRError.badRequest("The conditional criteria '\(queryString)' are empty")
        }
        return criteria
    }
}
