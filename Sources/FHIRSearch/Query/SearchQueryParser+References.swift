import FHIRDefinitions

extension SearchQueryParser {
    /// Reference values, or identifiers with `:identifier`.
    func referenceCriteria(_ parameter: SupportedSearchParameter, identifier: Bool, typeModifier: String?, values: [String], written: String) throws(SearchParameterProblem) -> [ReferenceCriterion] {
        if identifier {
            return try tokenCriteria(values, written: written).map { ReferenceCriterion.identifier($0) }
        }
        let reader = SearchReferenceValue(
            typeModel: catalog.typeModel,
            baseURL: normalizedBaseURL,
            parameter: parameter,
            typeModifier: typeModifier,
            written: written
        )
        var criteria: [ReferenceCriterion] = []
        for value in values {
            criteria.append(try reader.criterion(SearchValueText.unescape(value)))
        }
        return criteria
    }

    /// ``baseURL`` without a trailing slash.
    var normalizedBaseURL: String {
        var url = baseURL
        while url.hasSuffix("/") { url.removeLast() }
        return url
    }
}
