/// The terminology binding of a coded element (ElementDefinition.binding).
///
/// ```swift
/// let binding = catalog.typeModel.element(path: "Observation.status")?.binding
/// binding?.strength     // .required
/// binding?.valueSetURL  // "http://hl7.org/fhir/ValueSet/observation-status"
/// ```
public struct ElementBinding: Sendable, Hashable {
    /// How firmly the element is tied to the value set.
    public let strength: BindingStrength
    /// The value set canonical as the definition gives it, possibly with a `|version` suffix.
    public let valueSet: String?

    /// A binding with the given strength and value set canonical.
    public init(strength: BindingStrength, valueSet: String?) {
        self.strength = strength
        self.valueSet = valueSet
    }

    /// The value set canonical without its `|version` suffix.
    public var valueSetURL: String? {
        guard let valueSet else { return nil }
        guard let bar = valueSet.firstIndex(of: "|") else { return valueSet }
        return String(valueSet[..<bar])
    }

    /// The version after `|` in the value set canonical, when there is one.
    public var valueSetVersion: String? {
        guard let valueSet, let bar = valueSet.firstIndex(of: "|") else { return nil }
        return String(valueSet[valueSet.index(after: bar)...])
    }
}
