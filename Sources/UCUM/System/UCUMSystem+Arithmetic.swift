public import Foundation

extension UCUMSystem {
    /// The product of two quantities: values multiply, units combine symbol by symbol.
    ///
    /// `(1.5, "g") × (2, "m")` is `(3, "g.m")`; `(2, "cm") × (3, "cm")` is `(6, "cm2")`. Numeric
    /// factors of the units (`4.s`) are folded into the value.
    public func multiply(_ a: (Decimal, String), _ b: (Decimal, String)) throws(UCUMError) -> (Decimal, String) {
        try combine(a, b, sign: 1)
    }

    /// The quotient of two quantities.
    ///
    /// Commensurable units give a dimensionless result (`1`): `(1, "[lb_av]/h") ÷ (1, "kg/s")` is
    /// 0.000125997… `1`. Otherwise units combine symbol by symbol: `(1.5, "g") ÷ (2, "m")` is
    /// `(0.75, "g.m-1")`.
    public func divide(_ a: (Decimal, String), _ b: (Decimal, String)) throws(UCUMError) -> (Decimal, String) {
        let lhs = try canonical(a.1)
        let rhs = try canonical(b.1)
        if lhs.isCommensurable(with: rhs), lhs.scale == nil, rhs.scale == nil {
            let divisor = rhs.canonicalValue(of: b.0)
            guard divisor != 0 else { throw UCUMError(.arithmetic, "division by zero") }
            let quotient = try UCUMReduction.checked(lhs.canonicalValue(of: a.0) / divisor)
            return (quotient.rounded(significantDigits: Self.resultSignificantDigits), "1")
        }
        return try combine(a, b, sign: -1)
    }

    private func combine(_ a: (Decimal, String), _ b: (Decimal, String), sign: Int) throws(UCUMError) -> (Decimal, String) {
        let lhsTree = try parse(a.1)
        let rhsTree = try parse(b.1)
        for (tree, text) in [(lhsTree, a.1), (rhsTree, b.1)] where try canonical(of: tree).scale != nil {
            throw UCUMError(.notConvertible, "'\(text)' is an interval scale; its quantities cannot be multiplied or divided")
        }
        var terms = try UCUMTermList(lhsTree)
        try terms.combine(with: UCUMTermList(rhsTree), sign: sign)
        let value: Decimal
        if sign > 0 {
            value = a.0 * b.0
        } else {
            guard b.0 != 0 else { throw UCUMError(.arithmetic, "division by zero") }
            value = a.0 / b.0
        }
        let result = try UCUMReduction.checked(value * terms.factor)
        return (result.rounded(significantDigits: Self.resultSignificantDigits), terms.unitText)
    }
}
