/// Answers the terminology questions validation asks: is this code valid in its system, and
/// is it in this value set.
public protocol CodeChecker: Sendable {
    /// Checks `code` (with its `system` and `display` when the instance gives them) against the
    /// value set `valueSet` (a canonical, possibly `|version`), or against its code system alone
    /// when `valueSet` is nil.
    func check(code: String, system: String?, display: String?, valueSet: String?) -> CodeCheck
}

/// The answer to one terminology question.
public struct CodeCheck: Sendable, Hashable {
    /// Whether the code passed.
    public enum Outcome: Sendable, Hashable {
        /// The code is valid (and in the value set, when one was asked about).
        case valid
        /// The code is not valid, or not in the value set.
        case invalid
        /// Kiln cannot tell: the system or value set is not one it ships or knows.
        case cannotTell
    }

    /// Whether the code passed.
    public var outcome: Outcome
    /// Why, for `invalid` and `cannotTell`.
    public var message: String?
    /// Whether the display the instance gives is not the concept's display.
    public var displayIsWrong: Bool
    /// The concept's display, when known.
    public var display: String?

    /// An answer.
    public init(outcome: Outcome, message: String? = nil, displayIsWrong: Bool = false, display: String? = nil) {
        self.outcome = outcome
        self.message = message
        self.displayIsWrong = displayIsWrong
        self.display = display
    }
}
