/// Why a JSON text was rejected, and where.
public struct JSONParseError: Error, Sendable, Hashable, CustomStringConvertible {
    /// What kind of problem this is.
    public enum Kind: Sendable, Hashable {
        /// The text does not follow the JSON grammar.
        case syntax
        /// A string is not valid UTF-8.
        case invalidUTF8
        /// An object has the same key twice.
        case duplicateKey
        /// Objects and arrays nest deeper than the limit.
        case tooDeep
    }

    /// What kind of problem this is.
    public let kind: Kind
    /// A message a person can act on.
    public let message: String
    /// Byte offset of the problem in the input.
    public let offset: Int
    /// 1-based line of the problem.
    public let line: Int
    /// 1-based column (in bytes) of the problem.
    public let column: Int

    /// The message with its position.
    public var description: String { "\(message) at line \(line), column \(column)" }
}
