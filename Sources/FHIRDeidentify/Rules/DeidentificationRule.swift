/// One rule of a profile: the elements it names and what it does to them.
///
/// A rule names elements by path (`Patient.gender`, `Observation.valueQuantity`, `Coding.display`,
/// `Resource.id`) or by datatype (every HumanName, every `dateTime`). Where both name an element,
/// the path wins; where neither does, the element is dropped.
public struct DeidentificationRule: Sendable, Hashable {
    /// What a rule names.
    public enum Selector: Sendable, Hashable {
        /// The element at this path from a resource type, `Resource`, `DomainResource` or a
        /// datatype, in the simplified form ``RulePath`` gives (`Observation.value` names every
        /// `value[x]`; `Observation.valueQuantity` only the Quantity).
        case path(String)
        /// Every element of this datatype (`HumanName`, `date`, `Extension`).
        case datatype(String)
    }

    /// The elements the rule names.
    public var selector: Selector
    /// What it does to them.
    public var method: DeidentificationMethod
    /// Why the rule is there, such as the Safe Harbor identifier it removes; for people only.
    public var note: String?

    /// A rule.
    public init(_ selector: Selector, _ method: DeidentificationMethod, note: String? = nil) {
        self.selector = selector
        self.method = method
        self.note = note
    }
}
