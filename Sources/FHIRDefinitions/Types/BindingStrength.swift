/// ElementDefinition.binding.strength: how firmly an element is tied to its value set.
public enum BindingStrength: String, Sendable, Hashable, CaseIterable {
    /// The code must come from the value set.
    case required
    /// The code must come from the value set when a suitable code exists there.
    case extensible
    /// Codes from the value set are encouraged.
    case preferred
    /// The value set only gives examples.
    case example
}
