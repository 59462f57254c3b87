/// A UCUM prefix such as `k` (kilo, 10³) or `da` (deka, 10¹).
public struct UCUMPrefixDefinition: Sendable, Hashable, Codable {
    /// The case-sensitive code, e.g. `k`.
    public var code: String
    /// The name, e.g. `kilo`.
    public var name: String
    /// The factor as decimal text, e.g. `1e3`.
    public var value: String

    /// Creates a prefix definition.
    public init(code: String, name: String, value: String) {
        self.code = code
        self.name = name
        self.value = value
    }
}
