/// The content of the UCUM essence (`ucum-essence.xml`): prefixes, base units and defined units.
///
/// Kiln ships the essence compiled into Swift source (``UCUMEssence/standard``), so building a
/// ``UCUMSystem`` needs no file at start-up. ``UCUMEssenceCompiler`` produces that source.
public struct UCUMEssence: Sendable, Hashable, Codable {
    /// The essence's version, e.g. `2.2`.
    public var version: String
    /// The essence's revision date, e.g. `2024-06-17`.
    public var revisionDate: String
    /// The prefixes, in the order of the essence.
    public var prefixes: [UCUMPrefixDefinition]
    /// The base units, in the order of the essence.
    public var baseUnits: [UCUMBaseUnitDefinition]
    /// The defined units, in the order of the essence.
    public var units: [UCUMUnitDefinition]

    /// Creates an essence from its parts.
    public init(
        version: String,
        revisionDate: String,
        prefixes: [UCUMPrefixDefinition],
        baseUnits: [UCUMBaseUnitDefinition],
        units: [UCUMUnitDefinition]
    ) {
        self.version = version
        self.revisionDate = revisionDate
        self.prefixes = prefixes
        self.baseUnits = baseUnits
        self.units = units
    }
}
