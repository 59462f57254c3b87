import FHIRDefinitions

extension SearchQueryParser {
    /// The condition `name` with `values` stands for on every one of `resourceTypes`, which must
    /// mean the same on all of them: a system-level search over several types, or a chain whose
    /// reference may point to several. `written` is the parameter as written, for messages.
    func condition(_ name: SearchConditionName, values: [String], written: String, on resourceTypes: [String]) throws(SearchParameterProblem) -> SearchCondition {
        guard let first = resourceTypes.first else {
            throw .invalid("'\(written)' applies to no resource type", parameter: written)
        }
        if resourceTypes.count > 1, let code = name.leadingCode {
            try requireSameType(of: code, on: resourceTypes, written: written)
        }
        let condition = try self.condition(name, values: values, written: written, on: first)
        for other in resourceTypes.dropFirst() {
            let otherCondition = try self.condition(name, values: values, written: written, on: other)
            guard otherCondition == condition else {
                throw .invalid(
                    "'\(written)' means different things on \(first) and \(other); search one type at a time or name the type (such as subject:Patient.name)",
                    parameter: written
                )
            }
        }
        return condition
    }

    /// The condition `name` with `values` stands for on `resourceType`.
    func condition(_ name: SearchConditionName, values: [String], written: String, on resourceType: String) throws(SearchParameterProblem) -> SearchCondition {
        switch name {
        case .parameter(let code, let modifier):
            let parameter = try supportedParameter(code, for: resourceType, written: written)
            return try valueCondition(parameter, modifier: modifier, values: values, written: written)
        case .chain(let code, let targetType, let then):
            return try chainCondition(code: code, targetType: targetType, then: then, values: values, written: written, on: resourceType)
        case .reverseChain(let sourceType, let parameterCode, let then):
            return try reverseChainCondition(sourceType: sourceType, parameterCode: parameterCode, then: then, values: values, written: written, on: resourceType)
        }
    }

    /// `code[:targetType].then` on `resourceType`.
    private func chainCondition(code: String, targetType: String?, then: SearchConditionName, values: [String], written: String, on resourceType: String) throws(SearchParameterProblem) -> SearchCondition {
        let parameter = try supportedParameter(code, for: resourceType, written: written)
        guard parameter.type == .reference else {
            throw .invalid(
                "'\(code)' of \(resourceType) is a \(parameter.type.rawValue) parameter, not a reference, so '\(written)' cannot chain through it",
                parameter: written
            )
        }
        var targets = parameter.targets
        if let targetType {
            guard catalog.typeModel.isResourceType(targetType) else {
                throw .invalid(
                    "'\(written)' is not a valid chain: only a resource type may follow '\(code):' before the '.', such as \(code):\(targets.first ?? "Patient").name",
                    parameter: written
                )
            }
            guard targets.contains(targetType) else {
                throw .invalid(
                    "'\(code)' of \(resourceType) cannot refer to '\(targetType)', so '\(written)' is not possible; it refers to \(targets.joined(separator: ", "))",
                    parameter: written
                )
            }
            targets = [targetType]
        }
        let candidates = targets.filter { accepts(then, on: $0) }
        guard !candidates.isEmpty else {
            throw .unsupported(
                "None of the types '\(code)' of \(resourceType) refers to (\(targets.joined(separator: ", "))) has a search parameter '\(then.leadingCode ?? "_has")' that can be searched, so '\(written)' cannot be searched",
                parameter: written
            )
        }
        let inner = try condition(then, values: values, written: written, on: candidates)
        return .chain(parameter: code, targetTypes: candidates, condition: inner)
    }

    /// `_has:sourceType:parameterCode:then` on `resourceType`.
    private func reverseChainCondition(sourceType: String, parameterCode: String, then: SearchConditionName, values: [String], written: String, on resourceType: String) throws(SearchParameterProblem) -> SearchCondition {
        guard catalog.typeModel.isResourceType(sourceType) else {
            throw .invalid("'\(sourceType)' in '\(written)' is not a resource type", parameter: written)
        }
        let parameter = try supportedParameter(parameterCode, for: sourceType, written: written)
        guard parameter.type == .reference else {
            throw .invalid(
                "'\(parameterCode)' of \(sourceType) is a \(parameter.type.rawValue) parameter, not a reference, so '\(written)' is not possible",
                parameter: written
            )
        }
        guard parameter.targets.contains(resourceType) else {
            throw .invalid(
                "'\(parameterCode)' of \(sourceType) cannot refer to \(resourceType), so '\(written)' is not possible; it refers to \(parameter.targets.joined(separator: ", "))",
                parameter: written
            )
        }
        let inner = try condition(then, values: values, written: written, on: sourceType)
        return .reverseChain(sourceType: sourceType, parameter: parameterCode, condition: inner)
    }

    /// Whether `name` can start on `resourceType`: its parameter exists there (a reference one
    /// when it chains on). A reverse chain is checked when it is resolved.
    private func accepts(_ name: SearchConditionName, on resourceType: String) -> Bool {
        switch name {
        case .parameter(let code, _): registry.parameter(named: code, for: resourceType) != nil
        case .chain(let code, _, _): registry.parameter(named: code, for: resourceType)?.type == .reference
        case .reverseChain: true
        }
    }

    /// Refuses `code` when it has different types on `resourceTypes`.
    private func requireSameType(of code: String, on resourceTypes: [String], written: String) throws(SearchParameterProblem) {
        var seen: (resourceType: String, type: SearchParameterType)?
        for resourceType in resourceTypes {
            guard let type = registry.parameter(named: code, for: resourceType)?.type else { continue }
            if let seen, seen.type != type {
                throw .invalid(
                    "'\(code)' is a \(seen.type.rawValue) parameter of \(seen.resourceType) but a \(type.rawValue) parameter of \(resourceType), so '\(written)' cannot search both",
                    parameter: written
                )
            }
            if seen == nil { seen = (resourceType, type) }
        }
    }
}
