import Foundation

/// An interval (temperature) scale: canonical = (value × prefix + inputOffset) × ratio + outputOffset.
///
/// UCUM defines `Cel` (K = °C + 273.15), `[degF]` (K = (°F + 459.67) × 5/9) and `[degRe]`
/// (K = °Ré × 5/4 + 273.15) by functions; keeping both offsets makes 98.6 [degF] exactly 37 Cel.
struct UCUMSpecialScale: Sendable, Hashable {
    var prefix: Decimal
    var inputOffset: Decimal
    var ratio: Decimal
    var outputOffset: Decimal

    func toCanonical(_ value: Decimal) -> Decimal {
        (value * prefix + inputOffset) * ratio + outputOffset
    }

    func fromCanonical(_ canonical: Decimal) -> Decimal {
        ((canonical - outputOffset) / ratio - inputOffset) / prefix
    }

    /// The single offset of `toCanonical` written as `value × prefix × ratio + offset`.
    var combinedOffset: Decimal { inputOffset * ratio + outputOffset }

    /// The offsets of the functions Kiln converts, by function name: (input, output).
    static let offsets: [String: (input: Decimal, output: Decimal)] = [
        "Cel": (0, Decimal(string: "273.15") ?? 0),
        "degF": (Decimal(string: "459.67") ?? 0, 0),
        "degRe": (0, Decimal(string: "273.15") ?? 0),
    ]
}
