import FHIRDefinitions
import FHIRModel

/// Finds the children of elements, typed by the FHIR type model when there is one.
struct ModelNavigator: Sendable {
    /// The type model; nil navigates JSON without types.
    let model: TypeModel?

    /// The outcome of looking up a child name.
    enum Lookup {
        /// The name is a child of the element (possibly absent in this instance).
        case found
        /// The type model has no such child for the element's type.
        case unknown
    }

    /// An element for a whole resource or a JSON value of a known type.
    ///
    /// `typeName` may also be the path of a backbone element (`Bundle.entry`): the element is then
    /// a `BackboneElement` whose children are those the path defines.
    func root(_ json: JSONValue, typeName explicitType: String? = nil) -> FHIRPathElement {
        let typeName = explicitType ?? json["resourceType"]?.stringValue ?? "Object"
        if let dot = typeName.firstIndex(of: "."), let type = model?.type(named: String(typeName[..<dot])), type.hasChildren(atPath: typeName) {
            return FHIRPathElement(json: json, typeName: "BackboneElement", scope: ElementScope(typeName: type.name, path: typeName))
        }
        return FHIRPathElement(json: json, typeName: typeName, scope: scope(forType: typeName))
    }

    /// The scope where the children of an instance of `typeName` are defined.
    func scope(forType typeName: String) -> ElementScope? {
        guard let type = model?.type(named: typeName) else { return nil }
        return ElementScope(typeName: type.name, path: type.rootPath)
    }

    /// Appends the children named `name` of `element` to `output`.
    @discardableResult
    func children(of element: FHIRPathElement, named name: String, into output: inout [FHIRPathValue]) -> Lookup {
        guard let container = element.childContainer else {
            return element.scope == nil || isKnown(name, in: element) ? .found : .unknown
        }
        guard let scope = element.scope, let type = model?.type(named: scope.typeName) else {
            appendUntyped(container[name], extensionJSON: container["_" + name], into: &output)
            return .found
        }
        let definition = type.element(atPath: scope.path + "." + name) ?? type.element(atPath: scope.path + "." + name + "[x]")
        guard let definition else { return .unknown }
        append(definition, in: type, from: container, into: &output)
        return .found
    }

    /// Every child element of `element`, in definition order (JSON order when untyped).
    func allChildren(of element: FHIRPathElement, into output: inout [FHIRPathValue]) {
        guard let container = element.childContainer else { return }
        guard let scope = element.scope, let type = model?.type(named: scope.typeName) else {
            for member in container where !member.key.hasPrefix("_") && member.key != "resourceType" {
                appendUntyped(member.value, extensionJSON: container["_" + member.key], into: &output)
            }
            return
        }
        for definition in type.children(ofPath: scope.path) {
            append(definition, in: type, from: container, into: &output)
        }
    }

    private func isKnown(_ name: String, in element: FHIRPathElement) -> Bool {
        guard let scope = element.scope, let type = model?.type(named: scope.typeName) else { return true }
        return type.element(atPath: scope.path + "." + name) != nil || type.element(atPath: scope.path + "." + name + "[x]") != nil
    }

    private func append(_ definition: ElementDefinition, in owner: TypeDefinition, from container: JSONObject, into output: inout [FHIRPathValue]) {
        if definition.isChoice {
            for type in definition.types {
                let key = type.choiceName(for: definition.name)
                guard container[key] != nil || container["_" + key] != nil else { continue }
                appendTyped(container[key], extensionJSON: container["_" + key], typeName: type.typeName, scope: scope(forType: type.typeName), into: &output)
                return
            }
            return
        }
        let key = definition.name
        guard container[key] != nil || container["_" + key] != nil else { return }
        let (typeName, childScope) = typeAndScope(of: definition, in: owner)
        appendTyped(container[key], extensionJSON: container["_" + key], typeName: typeName, scope: childScope, into: &output)
    }

    private func typeAndScope(of definition: ElementDefinition, in owner: TypeDefinition) -> (String, ElementScope?) {
        if let target = definition.contentReferencePath {
            let ownerName = target.split(separator: ".", maxSplits: 1).first.map(String.init) ?? target
            return ("BackboneElement", ElementScope(typeName: ownerName, path: target))
        }
        let typeName = definition.types.first?.typeName ?? "Element"
        if owner.hasChildren(atPath: definition.path) {
            return (typeName, ElementScope(typeName: owner.name, path: definition.path))
        }
        return (typeName, scope(forType: typeName))
    }

    private func appendTyped(_ json: JSONValue?, extensionJSON: JSONValue?, typeName: String, scope: ElementScope?, into output: inout [FHIRPathValue]) {
        let isResource = typeName == "Resource" || typeName == "DomainResource"
        func make(_ value: JSONValue, _ extensionValue: JSONValue?) -> FHIRPathValue {
            if isResource, let resourceType = value["resourceType"]?.stringValue {
                return .element(FHIRPathElement(json: value, typeName: resourceType, scope: self.scope(forType: resourceType)))
            }
            return .element(FHIRPathElement(json: value, primitiveExtension: extensionValue?.objectValue, typeName: typeName, scope: scope))
        }
        switch json {
        case .array(let items):
            let extensions = extensionJSON?.arrayValue
            for (index, item) in items.enumerated() {
                let extensionValue = extensions.flatMap { index < $0.count ? $0[index] : nil }
                if item == .null, extensionValue == nil || extensionValue == .null { continue }
                output.append(make(item, extensionValue))
            }
        case .some(let value):
            output.append(make(value, extensionJSON))
        case .none:
            if let extensions = extensionJSON?.arrayValue {
                for item in extensions where item != .null { output.append(make(.null, item)) }
            } else if let extensionJSON {
                output.append(make(.null, extensionJSON))
            }
        }
    }

    private func appendUntyped(_ json: JSONValue?, extensionJSON: JSONValue?, into output: inout [FHIRPathValue]) {
        guard let json else { return }
        if case .array(let items) = json {
            for item in items { appendUntyped(item, extensionJSON: nil, into: &output) }
            return
        }
        if let resourceType = json["resourceType"]?.stringValue {
            output.append(.element(FHIRPathElement(json: json, typeName: resourceType, scope: scope(forType: resourceType))))
            return
        }
        let typeName: String = switch json {
        case .bool: "boolean"
        case .number(let number): number.isInteger ? "integer" : "decimal"
        case .string: "string"
        default: "Object"
        }
        output.append(.element(FHIRPathElement(json: json, primitiveExtension: extensionJSON?.objectValue, typeName: typeName, scope: nil)))
    }
}
