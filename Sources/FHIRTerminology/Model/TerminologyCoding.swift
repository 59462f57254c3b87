/// A system, code and display: a designation's `use`, a Coding given to an operation.
public struct TerminologyCoding: Sendable, Hashable {
    /// The code system URL.
    public var system: String?
    /// The code.
    public var code: String
    /// The display.
    public var display: String?

    /// A coding.
    public init(system: String?, code: String, display: String? = nil) {
        self.system = system
        self.code = code
        self.display = display
    }
}
