import FHIRModel
import FHIRDefinitions

extension SearchQueryParser {
    /// The scope of a search of `resourceType`, or for a system-level search (nil) of the
    /// types `_type` names.
    func scope(resourceType: String?, parameters: [QueryParameter]) throws(SearchParameterProblem) -> SearchScope {
        if let resourceType {
            guard catalog.typeModel.isResourceType(resourceType) else {
                throw .invalid("Unknown resource type '\(resourceType)'", parameter: resourceType, issueType: .notSupported)
            }
            return SearchScope(resourceTypes: [resourceType], isSystemLevel: false, conditionTypes: [resourceType])
        }
        let typeParameters = parameters.filter { Self.baseName(of: $0.name) == "_type" }
        guard typeParameters.count <= 1 else {
            throw .invalid("'_type' may be given only once; list the types separated by commas", parameter: "_type")
        }
        var types: [String] = []
        if let typeParameter = typeParameters.first {
            guard typeParameter.name == "_type" else {
                throw .invalid("'\(typeParameter.name)' is not valid: _type takes no modifier", parameter: typeParameter.name)
            }
            for value in SearchValueText.values(of: typeParameter.value) {
                let type = SearchValueText.unescape(value)
                guard catalog.typeModel.isResourceType(type) else {
                    throw .invalid("'_type' names '\(type)', which is not a resource type", parameter: "_type")
                }
                if !types.contains(type) { types.append(type) }
            }
        }
        return SearchScope(resourceTypes: types, isSystemLevel: true, conditionTypes: types.isEmpty ? [allTypesStandIn] : types)
    }

    /// The type whose parameters stand for those of every type: `Resource`, which the catalog
    /// knows as the base of all.
    var allTypesStandIn: String {
        catalog.searchParameter(named: "_id", for: "Resource") != nil ? "Resource" : catalog.typeModel.resourceTypeNames.first ?? "Resource"
    }

    /// The name before its first `:` (`_include` of `_include:iterate`, `code` of `code:text`).
    static func baseName(of name: String) -> String {
        name.firstIndex(of: ":").map { String(name[..<$0]) } ?? name
    }
}
