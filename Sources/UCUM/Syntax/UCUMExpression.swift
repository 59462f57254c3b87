public import Foundation

/// The syntax tree of a UCUM expression, as ``UCUMSystem/parse(_:)`` returns it.
///
/// `mg/dL` is `.quotient(.symbol(m g), .symbol(d L))`; `/s` is `.reciprocal(.symbol(s))`;
/// `10*3{cells}/uL` is `.quotient(.symbol(10* ^3 {cells}), .symbol(u L))`.
public indirect enum UCUMExpression: Sendable, Hashable {
    /// A unit symbol: an optional prefix, an atom, an exponent and an optional annotation.
    case symbol(UCUMSymbol)
    /// A positive integer factor such as `1000` in `1000/L`, with an optional annotation.
    case factor(Decimal, annotation: String?)
    /// An annotation standing alone (`{cells}`), which means unity.
    case annotation(String)
    /// A parenthesised term.
    case group(UCUMExpression)
    /// `lhs.rhs`
    case product(UCUMExpression, UCUMExpression)
    /// `lhs/rhs`
    case quotient(UCUMExpression, UCUMExpression)
    /// `/term`: a leading solidus, the reciprocal of the whole term.
    case reciprocal(UCUMExpression)
}
