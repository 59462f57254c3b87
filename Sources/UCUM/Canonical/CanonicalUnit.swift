public import Foundation

/// A unit reduced to UCUM's base units: `mg/dL` has `factor` 10 and `dimensions`
/// `["g": 1, "m": -3]` (1 mg/dL = 10 g/m³).
///
/// A value `v` in the unit is `v × factor + offset` in the canonical unit `text`. `offset` is
/// zero except for the temperature scales `Cel`, `[degF]` and `[degRe]`. Arbitrary units
/// (`[IU]`) and special units Kiln does not convert (`[pH]`, `B`) keep their own code as a
/// dimension, so they are commensurable only with themselves.
public struct CanonicalUnit: Sendable, Hashable, CustomStringConvertible {
    /// The magnitude of one unit in the canonical unit.
    public var factor: Decimal
    /// Base unit code (or arbitrary unit code) → exponent; no zero exponents.
    public var dimensions: [String: Int]
    /// The canonical unit as UCUM text, e.g. `g.m-3`; `1` when dimensionless.
    public var text: String
    /// Added after scaling; non-zero only for `Cel`, `[degF]` and `[degRe]`.
    public var offset: Decimal

    /// The conversion function of a temperature scale, kept so conversions stay exact.
    let scale: UCUMSpecialScale?

    /// Creates a canonical unit; `text` is derived from `dimensions`.
    public init(factor: Decimal, dimensions: [String: Int], offset: Decimal = 0) {
        self.init(factor: factor, dimensions: dimensions, offset: offset, scale: nil)
    }

    init(factor: Decimal, dimensions: [String: Int], offset: Decimal, scale: UCUMSpecialScale?) {
        self.factor = factor
        self.dimensions = dimensions.filter { $0.value != 0 }
        self.text = Self.text(for: self.dimensions)
        self.offset = offset
        self.scale = scale
    }

    /// Whether quantities in the two units can be compared and converted.
    public func isCommensurable(with other: CanonicalUnit) -> Bool {
        dimensions == other.dimensions
    }

    /// `value` of this unit in the canonical unit.
    public func canonicalValue(of value: Decimal) -> Decimal {
        if let scale { return scale.toCanonical(value) }
        return value * factor + offset
    }

    /// The value of this unit that is `canonical` in the canonical unit.
    public func value(fromCanonical canonical: Decimal) -> Decimal {
        if let scale { return scale.fromCanonical(canonical) }
        return (canonical - offset) / factor
    }

    /// `factor × text`, with the offset when there is one.
    public var description: String {
        offset == 0 ? "\(factor) \(text)" : "\(factor) \(text) + \(offset)"
    }

    /// Codes sorted by code point, each with its exponent when not 1, joined by `.`.
    static func text(for dimensions: [String: Int]) -> String {
        let parts = dimensions.filter { $0.value != 0 }.sorted { $0.key < $1.key }
            .map { $0.value == 1 ? $0.key : "\($0.key)\($0.value)" }
        return parts.isEmpty ? "1" : parts.joined(separator: ".")
    }
}
