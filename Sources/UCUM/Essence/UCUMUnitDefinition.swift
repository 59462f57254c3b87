/// A UCUM unit defined in terms of other units, such as `N` (`kg.m/s2`) or `[in_i]` (`cm` × 2.54).
public struct UCUMUnitDefinition: Sendable, Hashable, Codable {
    /// The case-sensitive code, e.g. `[in_i]`.
    public var code: String
    /// The name, e.g. `inch`.
    public var name: String
    /// The property measured, e.g. `length`.
    public var property: String
    /// The classification, e.g. `si`, `intcust`, `clinical`.
    public var unitClass: String
    /// Whether the unit takes prefixes.
    public var isMetric: Bool
    /// Whether the unit is on a non-ratio scale and defined by a conversion function (`Cel`, `[pH]`).
    public var isSpecial: Bool
    /// Whether the unit is arbitrary: commensurable only with itself (`[IU]`, `[arb'U]`).
    public var isArbitrary: Bool
    /// The unit this one is defined in, e.g. `cm` for `[in_i]`.
    public var valueUnit: String
    /// The factor as decimal text, e.g. `2.54`; `1` for special units.
    public var value: String
    /// The conversion function of a special unit.
    public var function: UCUMFunctionDefinition?

    /// Creates a unit definition.
    public init(
        code: String,
        name: String,
        property: String,
        unitClass: String,
        isMetric: Bool,
        isSpecial: Bool = false,
        isArbitrary: Bool = false,
        valueUnit: String,
        value: String,
        function: UCUMFunctionDefinition? = nil
    ) {
        self.code = code
        self.name = name
        self.property = property
        self.unitClass = unitClass
        self.isMetric = isMetric
        self.isSpecial = isSpecial
        self.isArbitrary = isArbitrary
        self.valueUnit = valueUnit
        self.value = value
        self.function = function
    }
}
