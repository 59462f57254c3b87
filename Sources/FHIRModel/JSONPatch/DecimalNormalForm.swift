/// The value of a JSON number reduced to sign, significant digits and exponent, so that two
/// numbers are numerically equal exactly when their normal forms are equal.
///
/// `1`, `1.0`, `1.00`, `10e-1` and `0.1E1` all reduce to digits `1`, exponent `0`. The digits are
/// kept as text, so a 22-digit decimal compares digit for digit and never through a `Double`.
struct DecimalNormalForm: Hashable {
    /// Whether the number is below zero (never true for zero, so `-0` equals `0`).
    let isNegative: Bool
    /// The significant digits, without leading or trailing zeros; empty for zero.
    let digits: [UInt8]
    /// The power of ten the digits are multiplied by.
    let exponent: Int

    /// Exponents with more digits than this are beyond any real document; such numbers have no
    /// normal form and compare by their text.
    static let maximumExponentDigits = 18

    /// The normal form of `number`, or nil when its exponent is too long to reduce safely.
    init?(_ number: JSONNumber) {
        var bytes = Array(number.text.utf8)[...]
        let isNegative = bytes.first == UInt8(ascii: "-")
        if isNegative { bytes = bytes.dropFirst() }

        let mantissaEnd = bytes.firstIndex { $0 == UInt8(ascii: "e") || $0 == UInt8(ascii: "E") } ?? bytes.endIndex
        guard let explicitExponent = Self.exponent(bytes[mantissaEnd...].dropFirst()) else { return nil }
        let mantissa = bytes[..<mantissaEnd]

        var digits: [UInt8] = []
        digits.reserveCapacity(mantissa.count)
        var fractionDigits = 0
        var inFraction = false
        for byte in mantissa {
            if byte == UInt8(ascii: ".") {
                inFraction = true
            } else {
                digits.append(byte)
                if inFraction { fractionDigits += 1 }
            }
        }
        let leadingZeros = digits.prefix { $0 == UInt8(ascii: "0") }.count
        let trailingZeros = digits.dropFirst(leadingZeros).reversed().prefix { $0 == UInt8(ascii: "0") }.count
        let significant = Array(digits.dropFirst(leadingZeros).dropLast(trailingZeros))

        if significant.isEmpty {
            self.isNegative = false
            self.digits = []
            self.exponent = 0
        } else {
            self.isNegative = isNegative
            self.digits = significant
            self.exponent = explicitExponent - fractionDigits + trailingZeros
        }
    }

    /// The value of the exponent digits after `e`, with an optional sign; nil when too long.
    private static func exponent(_ bytes: ArraySlice<UInt8>) -> Int? {
        var bytes = bytes
        var sign = 1
        if let first = bytes.first, first == UInt8(ascii: "+") || first == UInt8(ascii: "-") {
            if first == UInt8(ascii: "-") { sign = -1 }
            bytes = bytes.dropFirst()
        }
        let significant = bytes.drop { $0 == UInt8(ascii: "0") }
        guard significant.count <= maximumExponentDigits else { return nil }
        var value = 0
        for byte in significant { value = value * 10 + Int(byte - UInt8(ascii: "0")) }
        return sign * value
    }
}

extension JSONNumber {
    /// Whether the two numbers have the same numeric value, whatever their text: `1.0` equals `1`,
    /// `1e2` equals `100`, `-0` equals `0`. Decimal digits compare exactly, without rounding.
    ///
    /// This is the number equality of JSON Patch `test` (RFC 6902 §4.6). Plain `==` compares text,
    /// because FHIR keeps `1.50` and `1.5` apart.
    public func isNumericallyEqual(to other: JSONNumber) -> Bool {
        guard let lhs = DecimalNormalForm(self), let rhs = DecimalNormalForm(other) else { return text == other.text }
        return lhs == rhs
    }
}
