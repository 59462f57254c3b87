/// The conversion function of a special UCUM unit: `<function name="Cel" value="1" Unit="K"/>`.
///
/// The function maps a value on the special scale to `value` × `unit` (e.g. `Cel`: K = °C + 273.15).
public struct UCUMFunctionDefinition: Sendable, Hashable, Codable {
    /// The function's name, e.g. `Cel`, `degF`, `pH`, `lg`.
    public var name: String
    /// The factor of the ratio unit, as decimal text.
    public var value: String
    /// The ratio unit the function maps to, e.g. `K`, `K/9`.
    public var unit: String

    /// Creates a function definition.
    public init(name: String, value: String, unit: String) {
        self.name = name
        self.value = value
        self.unit = unit
    }
}
