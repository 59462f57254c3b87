/// StructureDefinition.derivation: how a type relates to its base type.
public enum TypeDerivation: String, Sendable, Hashable, CaseIterable {
    /// A new type that adds elements to its base, such as `Patient` on `DomainResource`.
    case specialization
    /// A restriction of its base that adds no elements, such as `SimpleQuantity` on `Quantity`.
    case constraint
}
