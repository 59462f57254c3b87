import Foundation

/// A decimal search value with the implicit range of its significant digits: `100` covers
/// `[99.5, 100.5)`, `100.0` covers `[99.95, 100.05)`, `1e2` (one significant digit) covers `[50, 150)`.
///
/// The value is read digit by digit into a Foundation `Decimal`, so nothing is rounded through
/// a binary floating-point number.
struct SearchNumberValue: Sendable, Hashable {
    /// The most significant digits a value may have (what `Decimal` holds exactly).
    static let maximumDigits = 34
    /// The largest exponent accepted, well inside `Decimal`'s range.
    static let maximumExponent = 60

    /// The value as written.
    var value: Decimal
    /// The lower bound of the implicit range (inclusive).
    var low: Decimal
    /// The upper bound of the implicit range (exclusive).
    var high: Decimal

    /// Parses `[-|+]digits[.digits][(e|E)[-|+]digits]`; nil for anything else.
    init?(parsing text: String) {
        let bytes = Array(text.utf8)
        var index = 0
        var negative = false
        if index < bytes.count, bytes[index] == UInt8(ascii: "-") || bytes[index] == UInt8(ascii: "+") {
            negative = bytes[index] == UInt8(ascii: "-")
            index += 1
        }
        func isDigit(_ position: Int) -> Bool {
            position < bytes.count && bytes[position] >= UInt8(ascii: "0") && bytes[position] <= UInt8(ascii: "9")
        }
        var significand = Decimal(0)
        var significantDigits = 0
        var integerDigits = 0
        var fractionDigits = 0
        func appendDigit(_ byte: UInt8) {
            let digit = Int(byte - UInt8(ascii: "0"))
            if significantDigits > 0 || digit != 0 { significantDigits += 1 }
            significand = significand * 10 + Decimal(digit)
        }
        while isDigit(index) {
            appendDigit(bytes[index])
            integerDigits += 1
            index += 1
        }
        guard integerDigits > 0 else { return nil }
        if index < bytes.count, bytes[index] == UInt8(ascii: ".") {
            index += 1
            while isDigit(index) {
                appendDigit(bytes[index])
                fractionDigits += 1
                index += 1
            }
            guard fractionDigits > 0 else { return nil }
        }
        var exponent = 0
        if index < bytes.count, bytes[index] == UInt8(ascii: "e") || bytes[index] == UInt8(ascii: "E") {
            index += 1
            var exponentSign = 1
            if index < bytes.count, bytes[index] == UInt8(ascii: "-") || bytes[index] == UInt8(ascii: "+") {
                exponentSign = bytes[index] == UInt8(ascii: "-") ? -1 : 1
                index += 1
            }
            var exponentDigits = 0
            while isDigit(index) {
                exponent = exponent * 10 + Int(bytes[index] - UInt8(ascii: "0"))
                exponentDigits += 1
                guard exponent <= Self.maximumExponent else { return nil }
                index += 1
            }
            guard exponentDigits > 0 else { return nil }
            exponent *= exponentSign
        }
        guard index == bytes.count, significantDigits <= Self.maximumDigits else { return nil }
        let lastDigitExponent = exponent - fractionDigits
        let isZero = significand == 0
        value = Decimal(sign: negative && !isZero ? .minus : .plus, exponent: lastDigitExponent, significand: significand)
        let halfUnit = Decimal(sign: .plus, exponent: lastDigitExponent - 1, significand: 5)
        low = value - halfUnit
        high = value + halfUnit
    }
}
