import Foundation

/// A ratio-scale magnitude: factor × product of dimensions.
struct UCUMReduction: Sendable, Hashable {
    var factor: Decimal
    var dimensions: [String: Int]

    static let unity = UCUMReduction(factor: 1, dimensions: [:])

    func multiplied(by other: UCUMReduction) throws(UCUMError) -> UCUMReduction {
        var dimensions = self.dimensions
        for (code, exponent) in other.dimensions { dimensions[code, default: 0] += exponent }
        return UCUMReduction(factor: try Self.checked(factor * other.factor), dimensions: dimensions.filter { $0.value != 0 })
    }

    func divided(by other: UCUMReduction) throws(UCUMError) -> UCUMReduction {
        try multiplied(by: other.reciprocal())
    }

    func reciprocal() throws(UCUMError) -> UCUMReduction {
        guard factor != 0 else { throw UCUMError(.arithmetic, "division by a zero factor") }
        return UCUMReduction(factor: try Self.checked(1 / factor), dimensions: dimensions.mapValues { -$0 })
    }

    func raised(to exponent: Int) throws(UCUMError) -> UCUMReduction {
        if exponent == 1 { return self }
        var power = UCUMReduction.unity
        let base = exponent < 0 ? try reciprocal() : self
        for _ in 0..<exponent.magnitude { power = try power.multiplied(by: base) }
        return power
    }

    func scaled(by value: Decimal) throws(UCUMError) -> UCUMReduction {
        UCUMReduction(factor: try Self.checked(factor * value), dimensions: dimensions)
    }

    static func checked(_ value: Decimal) throws(UCUMError) -> Decimal {
        guard !value.isNaN else { throw UCUMError(.arithmetic, "the factor is out of the range of a 38-digit decimal") }
        return value
    }
}
