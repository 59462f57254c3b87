import FHIRDefinitions

/// What sort of element a JSON member is, from the type model.
enum ElementKind: Hashable {
    /// A backbone element defined inside its owner (`Observation.component`, `Timing.repeat`).
    case backbone
    /// An element of one datatype (or resource type, for `contained`).
    case datatype(String)
    /// A choice named without its type, or otherwise not one datatype: never passes.
    case unknown

    /// The kind of the element `resolved` found.
    init(_ resolved: ResolvedElement, in model: TypeModel) {
        let element = resolved.element
        if element.contentReference != nil {
            self = .backbone
        } else if let owner = model.type(named: resolved.ownerTypeName), owner.hasChildren(atPath: element.path) {
            self = .backbone
        } else if resolved.types.count == 1 {
            self = .datatype(resolved.types[0].typeName)
        } else {
            self = .unknown
        }
    }

    /// The datatype's name, for a datatype element.
    var datatype: String? {
        if case .datatype(let name) = self { return name }
        return nil
    }
}
