import Foundation

/// Whether `actual` matches the decimal text `expected` to the precision it is written with:
/// within half a unit in its last place (`25` accepts 25.2, `0.160` accepts 0.16002).
func matches(_ actual: Decimal, expected text: String) -> Bool {
    guard let expected = Decimal(string: text, locale: Locale(identifier: "en_US_POSIX")) else { return false }
    let lower = text.lowercased()
    let mantissa = lower.split(separator: "e").first.map(String.init) ?? lower
    let exponent = lower.contains("e") ? Int(lower.split(separator: "e").last ?? "") ?? 0 : 0
    let decimals = mantissa.split(separator: ".").dropFirst().first?.count ?? 0
    let halfUnit = Decimal(sign: .plus, exponent: exponent - decimals, significand: 5) / 10
    let difference = actual - expected
    return difference.magnitude <= halfUnit
}

/// A decimal from test text.
func decimal(_ text: String) -> Decimal {
    Decimal(string: text, locale: Locale(identifier: "en_US_POSIX")) ?? .nan
}
