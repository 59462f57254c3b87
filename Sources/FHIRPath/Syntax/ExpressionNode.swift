/// A parsed FHIRPath expression with every name resolved: functions to ``FunctionName``,
/// operators to ``BinaryOperator``, type arguments to ``TypeSpecifier``. Evaluation walks it
/// without looking at text again.
indirect enum ExpressionNode: Sendable {
    /// `{}`.
    case empty
    /// A literal value.
    case literal(FHIRPathValue)
    /// `$this`.
    case this
    /// `$index`.
    case index
    /// `$total`.
    case total
    /// `%name`.
    case variable(String, position: Int)
    /// A child name, on `base` or (nil) on the current focus.
    case member(ExpressionNode?, String, position: Int)
    /// A function, on `base` or (nil) on the current focus.
    case call(ExpressionNode?, FunctionName, [ExpressionNode], position: Int)
    /// `is`, `as` or `ofType` with a type, on `base` or the current focus.
    case typeOperation(ExpressionNode?, TypeOperator, TypeSpecifier, position: Int)
    /// `base[index]`.
    case indexer(ExpressionNode, ExpressionNode, position: Int)
    /// Unary minus.
    case negate(ExpressionNode, position: Int)
    /// Unary plus (checks that the operand is a number).
    case plus(ExpressionNode, position: Int)
    /// A binary operator.
    case binary(BinaryOperator, ExpressionNode, ExpressionNode, position: Int)
}

/// The binary operators, from `*` to `implies`.
enum BinaryOperator: String, Sendable {
    case multiply = "*", divide = "/", div, mod
    case add = "+", subtract = "-", concatenate = "&"
    case union = "|"
    case less = "<", lessOrEqual = "<=", greater = ">", greaterOrEqual = ">="
    case equal = "=", equivalent = "~", notEqual = "!=", notEquivalent = "!~"
    case `in`, contains
    case and, or, xor, implies
}

/// The type operators and functions.
enum TypeOperator: String, Sendable {
    case `is`, `as`, ofType
}

/// A type named in an expression: `Patient`, `FHIR.string`, `System.Integer`.
public struct TypeSpecifier: Sendable, Hashable, CustomStringConvertible {
    /// `FHIR` or `System` when qualified.
    public let namespace: String?
    /// The type name.
    public let name: String

    /// A type name with an optional namespace.
    public init(namespace: String?, name: String) {
        self.namespace = namespace
        self.name = name
    }

    /// The name as written: `FHIR.Patient` or `Patient`.
    public var description: String { namespace.map { "\($0).\(name)" } ?? name }
}
