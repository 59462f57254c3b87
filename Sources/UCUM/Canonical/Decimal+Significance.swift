import Foundation

extension Decimal {
    /// The value rounded half-up to `digits` significant digits.
    ///
    /// Factors such as 5/9 or 1/12 are not exact in 38 decimal digits; rounding results to fewer
    /// digits removes the error those carry into the last places (98.6 [degF] is then 37 Cel).
    func rounded(significantDigits digits: Int) -> Decimal {
        guard !isNaN, self != 0 else { return self }
        let mantissaDigits = "\(significand.magnitude)".count
        let leadingExponent = exponent + mantissaDigits - 1
        var value = self
        var result = Decimal()
        NSDecimalRound(&result, &value, digits - 1 - leadingExponent, .plain)
        return result
    }
}
