public import Foundation

extension UCUMSystem {
    /// Significant digits of converted values (default 30). Computation uses Foundation's
    /// 38-digit `Decimal`; the last digits carry the error of inexact factors such as 5/9.
    public static let resultSignificantDigits = 30

    /// Reduces `expression` to a factor times base units (see ``CanonicalUnit``).
    public func canonical(_ expression: String) throws(UCUMError) -> CanonicalUnit {
        try canonical(of: parse(expression))
    }

    /// Reduces a parsed expression to a factor times base units.
    ///
    /// `Cel`, `[degF]` and `[degRe]` carry their offset only when they stand alone; inside a
    /// product or with an exponent they count as their ratio unit (a temperature difference).
    public func canonical(of expression: UCUMExpression) throws(UCUMError) -> CanonicalUnit {
        let reduction = try UCUMEvaluator.reduce(expression, prefixFactor: { self.prefixFactors[$0] }) { (code: String) throws(UCUMError) in
            guard let value = self.atoms[code] else { throw UCUMError(.unknownUnit, "'\(code)' is not a UCUM unit") }
            return value
        }
        if let symbol = UCUMEvaluator.loneSymbol(expression), let atom = atoms[symbol.atom], atom.hasScale {
            let prefix = symbol.prefix.flatMap { prefixFactors[$0] } ?? 1
            let scale = UCUMSpecialScale(
                prefix: prefix,
                inputOffset: atom.inputOffset,
                ratio: atom.reduction.factor,
                outputOffset: atom.outputOffset
            )
            return CanonicalUnit(
                factor: reduction.factor,
                dimensions: reduction.dimensions,
                offset: try UCUMReduction.checked(scale.combinedOffset),
                scale: scale
            )
        }
        return CanonicalUnit(factor: reduction.factor, dimensions: reduction.dimensions, offset: 0, scale: nil)
    }

    /// Whether both are valid and measure the same kind of quantity, so they convert.
    public func isComparable(_ a: String, _ b: String) -> Bool {
        guard let lhs = try? canonical(a), let rhs = try? canonical(b) else { return false }
        return lhs.isCommensurable(with: rhs)
    }

    /// `value` in unit `from`, expressed in unit `to`.
    ///
    /// - Throws: ``UCUMError/Kind-swift.enum/notComparable`` when the units measure different things.
    public func convert(_ value: Decimal, from: String, to: String) throws(UCUMError) -> Decimal {
        let source = try canonical(from)
        let target = try canonical(to)
        guard source.isCommensurable(with: target) else {
            throw UCUMError(.notComparable, "'\(from)' (\(source.text)) cannot be converted to '\(to)' (\(target.text))")
        }
        guard target.factor != 0 else { throw UCUMError(.arithmetic, "'\(to)' has a zero factor") }
        let result = try UCUMReduction.checked(target.value(fromCanonical: source.canonicalValue(of: value)))
        return result.rounded(significantDigits: Self.resultSignificantDigits)
    }

    /// `value` in `unit` expressed in the canonical unit, and that unit's text:
    /// `(4, "mg")` → `(0.004, "g")`, `(37, "Cel")` → `(310.15, "K")`.
    public func canonicalQuantity(_ value: Decimal, unit: String) throws(UCUMError) -> (value: Decimal, unit: String) {
        let canonical = try canonical(unit)
        let result = try UCUMReduction.checked(canonical.canonicalValue(of: value))
        return (result.rounded(significantDigits: Self.resultSignificantDigits), canonical.text)
    }
}
