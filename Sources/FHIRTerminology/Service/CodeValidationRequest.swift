/// A code to validate, against its code system or a value set.
public struct CodeValidationRequest: Sendable {
    /// The code system URL; nil to find it from the value set.
    public var system: String?
    /// The code system version.
    public var version: String?
    /// The code.
    public var code: String
    /// A display to check.
    public var display: String?
    /// The value set's canonical URL (may carry `|version`); nil to validate against the code system only.
    public var valueSet: String?

    /// A request.
    public init(system: String?, version: String? = nil, code: String, display: String? = nil, valueSet: String? = nil) {
        self.system = system
        self.version = version
        self.code = code
        self.display = display
        self.valueSet = valueSet
    }
}
