public import FHIRModel

/// An error found while parsing, checking or evaluating a FHIRPath expression.
///
/// ```swift
/// do { _ = try FHIRPathExpression("name.given +") } catch let error as FHIRPathError {
///     error.kind      // .syntax
///     error.position  // 12
/// }
/// ```
public struct FHIRPathError: Error, Sendable, Hashable, CustomStringConvertible {
    /// Which stage of processing found the error.
    public enum Kind: String, Sendable, Hashable {
        /// The text is not a FHIRPath expression (the grammar does not accept it).
        case syntax
        /// The expression is well formed but its types or names do not fit (unknown function, wrong argument count, unknown element in strict mode).
        case semantic
        /// Evaluation could not go on (a collection where one item is needed, operands of the wrong type, an unsupported hook).
        case execution
    }

    /// Which stage found the error.
    public let kind: Kind
    /// What went wrong and, where it helps, what was expected.
    public let message: String
    /// The character offset in the expression text where the problem is, when known.
    public let position: Int?

    /// An error of the given kind.
    public init(_ kind: Kind, _ message: String, at position: Int? = nil) {
        self.kind = kind
        self.message = message
        self.position = position
    }

    /// The error as one line: kind, position and message.
    public var description: String {
        if let position { return "FHIRPath \(kind.rawValue) error at \(position): \(message)" }
        return "FHIRPath \(kind.rawValue) error: \(message)"
    }

    /// The error as a FHIR error (400, `invalid` for syntax and semantic errors, `processing` for execution errors).
    public var fhirError: FHIRError {
        FHIRError.badRequest(description, code: kind == .execution ? .processing : .invalid)
    }

    static func syntax(_ message: String, at position: Int?) -> FHIRPathError { FHIRPathError(.syntax, message, at: position) }
    static func semantic(_ message: String, at position: Int? = nil) -> FHIRPathError { FHIRPathError(.semantic, message, at: position) }
    static func execution(_ message: String, at position: Int? = nil) -> FHIRPathError { FHIRPathError(.execution, message, at: position) }
}
