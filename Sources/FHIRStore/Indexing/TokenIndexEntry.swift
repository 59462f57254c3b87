/// One row of the token index: a (system, code) value of a search parameter of a resource.
public struct TokenIndexEntry: Sendable, Hashable {
    /// The search parameter code, e.g. `identifier`.
    public var parameter: String
    /// The system; empty when the value has none.
    public var system: String
    /// The code or value.
    public var code: String

    /// An index entry.
    public init(parameter: String, system: String, code: String) {
        self.parameter = parameter
        self.system = system
        self.code = code
    }
}
