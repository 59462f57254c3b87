/// The answer to a ``CodeValidationRequest``.
public struct CodeValidationResult: Sendable {
    /// Valid, invalid, or cannot be told from what Kiln ships.
    public enum Outcome: Sendable, Hashable {
        /// The code is in the code system (and the value set).
        case valid
        /// The code is not.
        case invalid
        /// The code system or value set is not shipped or not known.
        case cannotTell
    }

    /// The outcome.
    public var outcome: Outcome
    /// A sentence a person can act on, for `invalid` and `cannotTell`.
    public var message: String?
    /// The concept's display when known.
    public var display: String?
    /// A display was given and matches neither the display nor a designation (case-insensitive).
    public var displayIsWrong: Bool

    /// A result.
    public init(outcome: Outcome, message: String? = nil, display: String? = nil, displayIsWrong: Bool = false) {
        self.outcome = outcome
        self.message = message
        self.display = display
        self.displayIsWrong = displayIsWrong
    }
}
