import FHIRDefinitions

extension SearchQueryParser {
    /// Token values without a modifier, with `:not`, `:text`, `:of-type` or a terminology modifier.
    func tokenCondition(_ parameter: SupportedSearchParameter, modifier: SearchModifier?, values: [String], written: String) throws(SearchParameterProblem) -> SearchCondition {
        switch modifier {
        case .text:
            return .tokenText(parameter: parameter.code, values.map { SearchText.normalize(SearchValueText.unescape($0)) })
        case .in, .notIn, .above, .below:
            return try terminologyCondition(parameter, modifier: modifier, values: values, written: written)
        case .ofType:
            var criteria: [TokenCriterion] = []
            for value in values {
                guard let criterion = SearchTokenValue.ofTypeCriterion(value) else {
                    throw .invalid(
                        "The value '\(SearchValueText.unescape(value))' of '\(written)' is not valid: :of-type takes system|code|value, such as http://terminology.hl7.org/CodeSystem/v2-0203|MR|12345",
                        parameter: written
                    )
                }
                criteria.append(criterion)
            }
            return .token(parameter: parameter.code + ":of-type", criteria, negated: false)
        default:
            return .token(parameter: parameter.code, try tokenCriteria(values, written: written), negated: modifier == .not)
        }
    }

    /// Plain token criteria.
    func tokenCriteria(_ values: [String], written: String) throws(SearchParameterProblem) -> [TokenCriterion] {
        var criteria: [TokenCriterion] = []
        for value in values {
            guard let criterion = SearchTokenValue.criterion(value) else {
                throw .invalid("The token '\(value)' of '\(written)' is not valid: write system|code, code, |code or system|", parameter: written)
            }
            criteria.append(criterion)
        }
        return criteria
    }
}
