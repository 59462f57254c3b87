import FHIRDefinitions
import FHIRModel
import FHIRSearch

/// `_summary` and `_elements` applied to a resource on its way out. A shaped resource carries
/// the `SUBSETTED` tag, as the specification asks, so that nobody mistakes it for the whole.
struct SearchResultShaping {
    let typeModel: TypeModel

    /// The elements every subset keeps.
    static let alwaysKept: Set<String> = ["resourceType", "id", "meta"]

    /// `resource` reduced to the summary or to the named elements; unchanged for
    /// `_summary=false` without `_elements`.
    func shape(_ resource: JSONValue, summary: SummaryMode, elements: [String]) -> JSONValue {
        guard case .object(let object) = resource, let type = object["resourceType"]?.stringValue else { return resource }
        let kept: (String) -> Bool
        switch summary {
        case .true:
            let summaryElements = topLevel(of: type).filter(\.isSummary)
            kept = { name in summaryElements.contains { Self.matches($0, name) } }
        case .text:
            let mandatory = topLevel(of: type).filter { $0.min > 0 }
            kept = { name in name == "text" || mandatory.contains { Self.matches($0, name) } }
        case .data:
            kept = { $0 != "text" }
        case .count, .false:
            guard !elements.isEmpty else { return resource }
            let named = Set(elements)
            let mandatory = topLevel(of: type).filter { $0.min > 0 }
            kept = { name in named.contains(name) || mandatory.contains { Self.matches($0, name) } }
        }
        var shaped = JSONObject()
        for (name, value) in object where Self.alwaysKept.contains(name) || kept(name) {
            shaped[name] = value
        }
        return .object(Self.tagSubsetted(shaped))
    }

    /// Whether the JSON member `name` is `element` (`valueQuantity` is `value[x]`).
    private static func matches(_ element: ElementDefinition, _ name: String) -> Bool {
        element.isChoice ? name.hasPrefix(element.name) : element.name == name
    }

    private func topLevel(of type: String) -> [ElementDefinition] {
        guard let definition = typeModel.type(named: type) else { return [] }
        var elements = definition.children(ofPath: definition.rootPath)
        for base in typeModel.baseTypeNames(of: type) {
            if let baseDefinition = typeModel.type(named: base) { elements += baseDefinition.children(ofPath: baseDefinition.rootPath) }
        }
        return elements
    }

    private static func tagSubsetted(_ resource: JSONObject) -> JSONObject {
        var resource = resource
        var meta = resource["meta"]?.objectValue ?? JSONObject()
        var tags = meta["tag"]?.arrayValue ?? []
        tags.append(["system": "http://terminology.hl7.org/CodeSystem/v3-ObservationValue", "code": "SUBSETTED"])
        meta["tag"] = .array(tags)
        resource["meta"] = .object(meta)
        return resource
    }
}
