extension TypeModel {
    /// Resolves a dotted path to an element, following the paths a FHIR instance can take:
    ///
    /// - snapshot paths: `Observation.value[x]`, `Observation.referenceRange.low`;
    /// - a choice element without `[x]` (`Observation.value`) or named with its type
    ///   (`Observation.valueQuantity`, which narrows ``ResolvedElement/types`` to Quantity);
    /// - into datatypes: `Observation.code.coding.system` continues in CodeableConcept, then Coding;
    /// - through content references: `Questionnaire.item.item.linkId` continues at `Questionnaire.item`.
    ///
    /// The first segment is a type name; `SimpleQuantity.value` resolves in SimpleQuantity.
    public func resolve(path: String) -> ResolvedElement? {
        let segments = path.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
        guard let first = segments.first, let type = type(named: first), let root = type.rootElement else { return nil }
        var current = ResolvedElement(element: root, types: [], ownerTypeName: type.name)
        for segment in segments.dropFirst() {
            guard let scope = childScope(of: current), let next = child(named: segment, in: scope) else { return nil }
            current = next
        }
        return current
    }

    /// The element at a path, resolved as ``resolve(path:)`` does.
    public func element(path: String) -> ElementDefinition? {
        resolve(path: path)?.element
    }

    /// The child elements of the element at `path`, in snapshot order: the snapshot's own children
    /// for the root and backbone elements, the referenced element's children for a content
    /// reference, and the children of its type for a datatype element (`Observation.code` gives
    /// CodeableConcept's `id`, `extension`, `coding`, `text`). Empty when the path does not resolve,
    /// or names a primitive value or a choice of several types.
    public func children(of path: String) -> [ElementDefinition] {
        guard let resolved = resolve(path: path), let scope = childScope(of: resolved) else { return [] }
        return scope.type.children(ofPath: scope.path)
    }

    /// The element a content reference points at: `Observation.component.referenceRange` gives
    /// `Observation.referenceRange`. Nil when the element has no content reference.
    public func contentReferenceTarget(of element: ElementDefinition) -> ElementDefinition? {
        guard let target = element.contentReferencePath else { return nil }
        let typeName = target.split(separator: ".", maxSplits: 1).first.map(String.init) ?? target
        return type(named: typeName)?.element(atPath: target)
    }

    /// The type and snapshot path under which the children of `resolved` are defined.
    private func childScope(of resolved: ResolvedElement) -> (type: TypeDefinition, path: String)? {
        let element = resolved.element
        if let target = element.contentReferencePath {
            let typeName = target.split(separator: ".", maxSplits: 1).first.map(String.init) ?? target
            guard let owner = type(named: typeName) else { return nil }
            return (owner, target)
        }
        if let owner = type(named: resolved.ownerTypeName), owner.hasChildren(atPath: element.path) {
            return (owner, element.path)
        }
        guard resolved.types.count == 1, let type = type(named: resolved.types[0].code), let root = type.rootElement else { return nil }
        return (type, root.path)
    }

    /// The child `name` of the scope: a plain name, a choice stem, or a choice name with its type.
    private func child(named name: String, in scope: (type: TypeDefinition, path: String)) -> ResolvedElement? {
        let owner = scope.type.name
        if let element = scope.type.element(atPath: scope.path + "." + name) {
            return ResolvedElement(element: element, types: element.types, ownerTypeName: owner)
        }
        if let element = scope.type.element(atPath: scope.path + "." + name + "[x]") {
            return ResolvedElement(element: element, types: element.types, ownerTypeName: owner)
        }
        for element in scope.type.children(ofPath: scope.path) where element.isChoice && name.hasPrefix(element.name) {
            if let type = element.type(forPropertyName: name) {
                return ResolvedElement(element: element, types: [type], ownerTypeName: owner)
            }
        }
        return nil
    }
}
