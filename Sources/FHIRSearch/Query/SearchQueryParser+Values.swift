import FHIRDefinitions

extension SearchQueryParser {
    /// The supported parameter `code` of `resourceType`, or why it cannot be used.
    func supportedParameter(_ code: String, for resourceType: String, written: String) throws(SearchParameterProblem) -> SupportedSearchParameter {
        switch registry.support(of: code, for: resourceType) {
        case .supported(let parameter)?:
            return parameter
        case .unsupported(let reason)?:
            throw .unsupported("The search parameter '\(code)' of \(resourceType) is not supported: \(reason)", parameter: written)
        case nil:
            throw .unsupported("Unknown search parameter '\(code)' for \(resourceType)", parameter: written)
        }
    }

    /// The modifier written as `text`, in the spelling of the search page (`of-type`, `not-in`);
    /// nil for anything else, including a resource type.
    static func searchModifier(named text: String) -> SearchModifier? {
        switch text {
        case "of-type": .ofType
        case "type", "ofType": nil
        default: SearchModifier(rawValue: text)
        }
    }

    /// The condition of `parameter` with `modifier` and its comma-separated `values` (escapes
    /// kept, none empty); `written` is the parameter as written, for messages.
    func valueCondition(_ parameter: SupportedSearchParameter, modifier: String?, values: [String], written: String) throws(SearchParameterProblem) -> SearchCondition {
        let code = parameter.code
        var knownModifier: SearchModifier?
        var typeModifier: String?
        if let modifier {
            if let known = Self.searchModifier(named: modifier) {
                guard parameter.modifiers.contains(known), code != "_id" else {
                    throw .unsupported("The modifier ':\(modifier)' is not supported on '\(code)' (a \(parameter.type.rawValue) parameter)", parameter: written)
                }
                knownModifier = known
            } else if parameter.type == .reference, parameter.modifiers.contains(.type), catalog.typeModel.isResourceType(modifier) {
                guard parameter.targets.isEmpty || parameter.targets.contains(modifier) else {
                    throw .invalid(
                        "'\(code)' cannot refer to \(modifier), so ':\(modifier)' is not allowed in '\(written)'; it refers to \(parameter.targets.joined(separator: ", "))",
                        parameter: written
                    )
                }
                typeModifier = modifier
            } else {
                throw .unsupported("Unknown modifier ':\(modifier)' on '\(code)' (a \(parameter.type.rawValue) parameter)", parameter: written)
            }
        }
        if knownModifier == .missing {
            return try missingCondition(parameter, values: values, written: written)
        }
        switch code {
        case "_id": return .id(values.map(SearchValueText.unescape))
        case "_lastUpdated": return .lastUpdated(try dateCriteria(parameter, values: values, written: written))
        default: break
        }
        switch parameter.type {
        case .token:
            return try tokenCondition(parameter, modifier: knownModifier, values: values, written: written)
        case .string:
            let match: StringCriterion.Match = switch knownModifier {
            case .exact: .exact
            case .contains: .contains
            default: .startsWith
            }
            return .string(parameter: code, values.map { value in
                let text = SearchValueText.unescape(value)
                return StringCriterion(value: match == .exact ? text : SearchText.normalize(text), match: match)
            })
        case .date:
            return .date(parameter: code, try dateCriteria(parameter, values: values, written: written))
        case .number:
            var criteria: [NumberCriterion] = []
            for value in values {
                criteria.append(try numberCriterion(parameter, value: SearchValueText.unescape(value), written: written))
            }
            return .number(parameter: code, criteria)
        case .quantity:
            var criteria: [QuantityCriterion] = []
            for value in values {
                criteria.append(try quantityCriterion(parameter, value: value, written: written))
            }
            return .quantity(parameter: code, criteria)
        case .reference:
            return .reference(parameter: code, try referenceCriteria(parameter, identifier: knownModifier == .identifier, typeModifier: typeModifier, values: values, written: written))
        case .uri:
            let match: URICriterion.Match = switch knownModifier {
            case .below: .below
            case .above: .above
            default: .exact
            }
            return .uri(parameter: code, values.map { URICriterion(value: SearchValueText.unescape($0), match: match) })
        case .composite:
            var criteria: [CompositeCriterion] = []
            for value in values {
                criteria.append(try compositeCriterion(parameter, value: value, written: written))
            }
            return .composite(parameter: code, criteria)
        case .special:
            throw .unsupported("The search parameter '\(code)' is a special parameter, which Kiln does not support", parameter: written)
        }
    }

    /// `:missing=true` or `:missing=false`.
    func missingCondition(_ parameter: SupportedSearchParameter, values: [String], written: String) throws(SearchParameterProblem) -> SearchCondition {
        let value = values.count == 1 ? values[0] : values.joined(separator: ",")
        switch value {
        case "true": return .missing(parameter: parameter.code, storage: parameter.type, missing: true)
        case "false": return .missing(parameter: parameter.code, storage: parameter.type, missing: false)
        default: throw .invalid("'\(written)' takes true or false, not '\(value)'", parameter: written)
        }
    }

    /// The definitions the registry reads.
    var catalog: DefinitionsCatalog { registry.catalog }
}
