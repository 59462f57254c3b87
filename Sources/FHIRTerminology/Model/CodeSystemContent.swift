/// How much of a code system a CodeSystem resource holds (`CodeSystem.content`).
public enum CodeSystemContent: String, Sendable, Hashable {
    /// Every concept: a code that is not there is not a code.
    case complete
    /// Some concepts: a code that is not there may still be a code.
    case fragment
    /// Examples only.
    case example
    /// No concepts at all.
    case notPresent = "not-present"
    /// A supplement adding designations or properties to another system.
    case supplement

    /// Whether a code missing from the resource is known not to be a code.
    public var isComplete: Bool { self == .complete }
}
