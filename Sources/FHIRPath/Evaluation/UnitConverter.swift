public import Foundation

/// Converts quantity values between units, for comparing and adding quantities.
///
/// Kiln's UCUM module plugs in here; until it does, ``BasicUnitConverter`` covers the common units.
///
/// ```swift
/// BasicUnitConverter().convert(1, from: "kg", to: "g")  // 1000
/// ```
public protocol UnitConverter: Sendable {
    /// `value` expressed in `from` converted to `to`, or nil when the units are not comparable or unknown.
    func convert(_ value: Decimal, from: String, to: String) -> Decimal?
}

/// A small built-in converter: the UCUM units of mass, length, volume and time most clinical data
/// uses, with their metric prefixes. Anything else is reported as not convertible.
public struct BasicUnitConverter: UnitConverter {
    private struct Unit {
        let dimension: String
        let factor: Decimal
    }

    private static let units: [String: Unit] = {
        var table: [String: Unit] = [:]
        let prefixes: [(String, Decimal)] = [("", 1), ("k", 1000), ("d", Decimal(string: "0.1") ?? 0), ("c", Decimal(string: "0.01") ?? 0), ("m", Decimal(string: "0.001") ?? 0), ("u", Decimal(string: "0.000001") ?? 0), ("n", Decimal(string: "0.000000001") ?? 0)]
        for (prefix, factor) in prefixes {
            table[prefix + "g"] = Unit(dimension: "mass", factor: factor)
            table[prefix + "m"] = Unit(dimension: "length", factor: factor)
            table[prefix + "L"] = Unit(dimension: "volume", factor: factor)
            table[prefix + "l"] = Unit(dimension: "volume", factor: factor)
        }
        table["[lb_av]"] = Unit(dimension: "mass", factor: Decimal(string: "453.59237") ?? 0)
        table["[oz_av]"] = Unit(dimension: "mass", factor: Decimal(string: "28.349523125") ?? 0)
        table["[in_i]"] = Unit(dimension: "length", factor: Decimal(string: "0.0254") ?? 0)
        table["[ft_i]"] = Unit(dimension: "length", factor: Decimal(string: "0.3048") ?? 0)
        table["s"] = Unit(dimension: "time", factor: 1)
        table["ms"] = Unit(dimension: "time", factor: Decimal(string: "0.001") ?? 0)
        table["min"] = Unit(dimension: "time", factor: 60)
        table["h"] = Unit(dimension: "time", factor: 3600)
        table["d"] = Unit(dimension: "time", factor: 86400)
        table["wk"] = Unit(dimension: "time", factor: 604_800)
        table["mo"] = Unit(dimension: "time", factor: 2_629_800)
        table["a"] = Unit(dimension: "time", factor: 31_557_600)
        table["1"] = Unit(dimension: "unity", factor: 1)
        table["%"] = Unit(dimension: "unity", factor: Decimal(string: "0.01") ?? 0)
        return table
    }()

    /// A converter with the built-in table.
    public init() {}

    /// The value in `to`, when both units are in the table and measure the same thing.
    public func convert(_ value: Decimal, from: String, to: String) -> Decimal? {
        if from == to { return value }
        guard let source = Self.units[from], let target = Self.units[to], source.dimension == target.dimension else { return nil }
        return value * source.factor / target.factor
    }
}
