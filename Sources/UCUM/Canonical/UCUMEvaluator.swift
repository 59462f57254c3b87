import Foundation

/// Reduces a syntax tree to a ratio-scale ``UCUMReduction``.
enum UCUMEvaluator {
    /// Multiplies out the tree; special units count by their ratio unit (a temperature difference).
    static func reduce(
        _ expression: UCUMExpression,
        prefixFactor: (String) -> Decimal?,
        atom: (String) throws(UCUMError) -> UCUMAtomValue
    ) throws(UCUMError) -> UCUMReduction {
        func walk(_ expression: UCUMExpression) throws(UCUMError) -> UCUMReduction {
            switch expression {
            case .symbol(let symbol):
                var one = try atom(symbol.atom).reduction
                if let prefix = symbol.prefix {
                    guard let factor = prefixFactor(prefix) else {
                        throw UCUMError(.unknownUnit, "'\(prefix)' is not a UCUM prefix", position: symbol.position)
                    }
                    one = try one.scaled(by: factor)
                }
                return try one.raised(to: symbol.exponent)
            case .factor(let value, _):
                return UCUMReduction(factor: value, dimensions: [:])
            case .annotation:
                return .unity
            case .group(let inner):
                return try walk(inner)
            case .product(let lhs, let rhs):
                return try walk(lhs).multiplied(by: walk(rhs))
            case .quotient(let lhs, let rhs):
                return try walk(lhs).divided(by: walk(rhs))
            case .reciprocal(let inner):
                return try walk(inner).reciprocal()
            }
        }
        return try walk(expression)
    }

    /// The symbol an expression consists of, when it is one symbol to the first power
    /// (possibly in parentheses): the only place a temperature scale applies its offset.
    static func loneSymbol(_ expression: UCUMExpression) -> UCUMSymbol? {
        switch expression {
        case .symbol(let symbol) where symbol.exponent == 1: symbol
        case .group(let inner): loneSymbol(inner)
        default: nil
        }
    }
}
