import FHIRDefinitions

extension SearchQueryParser {
    /// One composite value `token$value`, the second part read by the type of the second component.
    func compositeCriterion(_ parameter: SupportedSearchParameter, value: String, written: String) throws(SearchParameterProblem) -> CompositeCriterion {
        let parts = SearchValueText.split(value, on: "$")
        guard parts.count == 2, parameter.components.count == 2 else {
            throw .invalid(
                "The value '\(SearchValueText.unescape(value))' of '\(written)' is not valid: a composite value has two parts separated by $, such as http://loinc.org|8480-6$gt100",
                parameter: written
            )
        }
        guard let token = SearchTokenValue.criterion(parts[0]) else {
            throw .invalid("The first part '\(parts[0])' of '\(written)' is not a valid token", parameter: written)
        }
        let second = parts[1]
        let valueCriterion: CompositeValueCriterion
        switch parameter.components[1].type {
        case .token:
            guard let criterion = SearchTokenValue.criterion(second) else {
                throw .invalid("The second part '\(second)' of '\(written)' is not a valid token", parameter: written)
            }
            valueCriterion = .token(criterion)
        case .quantity:
            valueCriterion = .quantity(try quantityCriterion(parameter, value: second, written: written))
        case .date:
            valueCriterion = .date(try dateCriterion(parameter, value: SearchValueText.unescape(second), written: written))
        case .string:
            valueCriterion = .string(StringCriterion(value: SearchText.normalize(SearchValueText.unescape(second)), match: .startsWith))
        default:
            throw .unsupported("The composite '\(parameter.code)' has a second component Kiln cannot search", parameter: written)
        }
        return CompositeCriterion(token: token, value: valueCriterion)
    }
}
