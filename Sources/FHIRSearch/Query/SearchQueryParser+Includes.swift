import FHIRDefinitions

extension SearchQueryParser {
    /// `_include` or (with `reverse`) `_revinclude`: `SourceType:parameter[:TargetType]`,
    /// `SourceType:*`, or `*` (every reference of the searched types; `_include` only), with the
    /// modifier `iterate` or its R4 alias `recurse`.
    func includeDirectives(_ value: String, modifier: String?, reverse: Bool, scope: SearchScope, written: String) throws(SearchParameterProblem) -> [IncludeDirective] {
        let kind = reverse ? "_revinclude" : "_include"
        var iterate = false
        if let modifier {
            guard modifier == "iterate" || modifier == "recurse" else {
                throw .unsupported("The modifier ':\(modifier)' is not supported on '\(kind)'; use :iterate", parameter: written)
            }
            iterate = true
        }
        let text = SearchValueText.unescape(value)
        if text == "*" {
            guard !reverse, !scope.coversAllTypes else {
                throw .invalid("'\(written)=*' needs a source type: write \(kind)=Type:*", parameter: written)
            }
            return scope.resourceTypes.map { IncludeDirective(sourceType: $0, parameter: nil, targetType: nil, iterate: iterate) }
        }
        let parts = text.split(separator: ":", omittingEmptySubsequences: false).map(String.init)
        guard parts.count == 2 || parts.count == 3, parts.allSatisfy({ !$0.isEmpty }) else {
            throw .invalid("'\(written)=\(text)' is not valid: write SourceType:parameter or SourceType:parameter:TargetType, such as Observation:subject:Patient", parameter: written)
        }
        let sourceType = parts[0]
        let targetType = parts.count == 3 ? parts[2] : nil
        for type in [sourceType] + (targetType.map { [$0] } ?? []) where !catalog.typeModel.isResourceType(type) {
            throw .invalid("'\(written)=\(text)' names '\(type)', which is not a resource type", parameter: written)
        }
        let parameterCode: String? = parts[1] == "*" ? nil : parts[1]
        var targets: [String] = []
        if let parameterCode {
            let parameter = try supportedParameter(parameterCode, for: sourceType, written: written)
            guard parameter.type == .reference else {
                throw .invalid("'\(written)=\(text)': '\(parameterCode)' of \(sourceType) is a \(parameter.type.rawValue) parameter, not a reference", parameter: written)
            }
            targets = parameter.targets
            if let targetType, !targets.isEmpty, !targets.contains(targetType) {
                throw .invalid(
                    "'\(written)=\(text)': '\(parameterCode)' of \(sourceType) cannot refer to \(targetType); it refers to \(targets.joined(separator: ", "))",
                    parameter: written
                )
            }
        }
        if !iterate {
            if !reverse, !scope.includes(sourceType) {
                throw .invalid(
                    "'\(written)=\(text)' starts from \(sourceType), which this search does not return; use _include:iterate to include from included resources",
                    parameter: written
                )
            }
            if reverse, !scope.coversAllTypes {
                let reachable = targetType.map { [$0] } ?? targets
                if parameterCode != nil, !reachable.isEmpty, !reachable.contains(where: scope.resourceTypes.contains) {
                    throw .invalid(
                        "'\(written)=\(text)' cannot find anything: '\(parts[1])' of \(sourceType) cannot refer to \(scope.resourceTypes.joined(separator: ", "))",
                        parameter: written
                    )
                }
                if let targetType, !scope.resourceTypes.contains(targetType) {
                    throw .invalid("'\(written)=\(text)' names \(targetType), which this search does not return", parameter: written)
                }
            }
        }
        return [IncludeDirective(sourceType: sourceType, parameter: parameterCode, targetType: targetType, iterate: iterate)]
    }
}
