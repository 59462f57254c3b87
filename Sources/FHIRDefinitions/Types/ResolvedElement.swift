/// An element found by a path, with the types the path selects.
///
/// A choice element named with its type (`Observation.valueQuantity`) resolves to `value[x]` with
/// ``types`` narrowed to `Quantity`; any other path gets the element's own types.
public struct ResolvedElement: Sendable, Hashable {
    /// The element definition found.
    public let element: ElementDefinition
    /// The types the path allows: the element's types, or the one a choice property name selects.
    public let types: [ElementType]
    /// The type whose snapshot holds the element, such as `CodeableConcept` for `Observation.code.text`.
    public let ownerTypeName: String

    /// A resolution with the given parts.
    public init(element: ElementDefinition, types: [ElementType], ownerTypeName: String) {
        self.element = element
        self.types = types
        self.ownerTypeName = ownerTypeName
    }
}
