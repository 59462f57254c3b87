/// Why a UCUM expression could not be parsed, reduced or converted.
///
/// `position` is the zero-based character offset in the expression where the problem was found,
/// when there is one.
public struct UCUMError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The kinds of UCUM failure.
    public enum Kind: String, Sendable, Hashable {
        /// The expression does not follow the UCUM grammar.
        case syntax
        /// A symbol is not a UCUM unit (with or without a prefix).
        case unknownUnit
        /// The units measure different things and cannot be converted.
        case notComparable
        /// The unit is special in a way Kiln does not convert (e.g. `[pH]` inside a product).
        case notConvertible
        /// Arithmetic overflowed or divided by zero.
        case arithmetic
        /// The essence source could not be read or is malformed.
        case invalidEssence
    }

    /// The kind of failure.
    public var kind: Kind
    /// A sentence a person can act on.
    public var message: String
    /// The zero-based character offset in the expression, when the failure has one.
    public var position: Int?

    /// Creates an error.
    public init(_ kind: Kind, _ message: String, position: Int? = nil) {
        self.kind = kind
        self.message = message
        self.position = position
    }

    /// The message, with the position when there is one.
    public var description: String {
        if let position { return "\(message) (at position \(position))" }
        return message
    }
}
