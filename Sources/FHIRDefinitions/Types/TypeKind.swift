/// StructureDefinition.kind: what sort of type a definition describes.
public enum TypeKind: String, Sendable, Hashable, CaseIterable {
    /// A primitive datatype such as `string`, `date` or `boolean`.
    case primitiveType = "primitive-type"
    /// A complex datatype such as `HumanName`, `Quantity` or `Element`.
    case complexType = "complex-type"
    /// A resource such as `Patient`, including the abstract `Resource` and `DomainResource`.
    case resource
    /// A logical model, which is not exchanged as such.
    case logical
}
