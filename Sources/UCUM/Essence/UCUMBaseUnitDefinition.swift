/// One of UCUM's seven base units (`m`, `s`, `g`, `rad`, `K`, `C`, `cd`).
public struct UCUMBaseUnitDefinition: Sendable, Hashable, Codable {
    /// The case-sensitive code, e.g. `m`.
    public var code: String
    /// The name, e.g. `meter`.
    public var name: String
    /// The dimension letter, e.g. `L` for length.
    public var dimension: String
    /// The property measured, e.g. `length`.
    public var property: String

    /// Creates a base unit definition.
    public init(code: String, name: String, dimension: String, property: String) {
        self.code = code
        self.name = name
        self.dimension = dimension
        self.property = property
    }
}
