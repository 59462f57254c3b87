import FHIRDefinitions

extension SearchQueryParser {
    /// The prefix of an ordered value, refused when the parameter does not take it.
    func comparator(_ prefix: SearchComparator?, of parameter: SupportedSearchParameter, written: String) throws(SearchParameterProblem) -> SearchComparator {
        guard let prefix else { return .eq }
        guard parameter.comparators.contains(prefix) else {
            throw .unsupported("The prefix '\(prefix.rawValue)' is not supported on '\(parameter.code)'", parameter: written)
        }
        return prefix
    }

    /// Date values with optional prefixes.
    func dateCriteria(_ parameter: SupportedSearchParameter, values: [String], written: String) throws(SearchParameterProblem) -> [DateCriterion] {
        var criteria: [DateCriterion] = []
        for value in values {
            criteria.append(try dateCriterion(parameter, value: SearchValueText.unescape(value), written: written))
        }
        return criteria
    }

    /// One date value with an optional prefix.
    func dateCriterion(_ parameter: SupportedSearchParameter, value: String, written: String) throws(SearchParameterProblem) -> DateCriterion {
        let (prefix, text) = SearchPrefix.split(value)
        guard let range = SearchDateValue(parsing: text) else {
            throw .invalid("The date '\(value)' of '\(written)' is not a valid FHIR date", parameter: written)
        }
        return DateCriterion(comparator: try comparator(prefix, of: parameter, written: written), low: range.low, high: range.high)
    }

    /// One number value with an optional prefix.
    func numberCriterion(_ parameter: SupportedSearchParameter, value: String, written: String) throws(SearchParameterProblem) -> NumberCriterion {
        let (prefix, text) = SearchPrefix.split(value)
        guard let number = SearchNumberValue(parsing: text) else {
            throw .invalid("The number '\(value)' of '\(written)' is not a valid decimal", parameter: written)
        }
        return NumberCriterion(comparator: try comparator(prefix, of: parameter, written: written), value: number.value, low: number.low, high: number.high)
    }

    /// One quantity value (escapes kept) with an optional prefix.
    func quantityCriterion(_ parameter: SupportedSearchParameter, value: String, written: String) throws(SearchParameterProblem) -> QuantityCriterion {
        let (prefix, text) = SearchPrefix.split(value)
        let comparator = try comparator(prefix, of: parameter, written: written)
        guard let criterion = SearchQuantityValue.criterion(text, comparator: comparator) else {
            throw .invalid(
                "The quantity '\(SearchValueText.unescape(value))' of '\(written)' is not valid: write [prefix]number|system|code, [prefix]number||code or [prefix]number",
                parameter: written
            )
        }
        return criterion
    }
}
