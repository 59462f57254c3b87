/// Why a terminology request could not be answered.
///
/// ```swift
/// do { _ = try service.expand(valueSetURL: url, options: ExpansionOptions()) }
/// catch { print(error.kind, error.message) }
/// ```
public struct TerminologyError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The kinds of failure.
    public enum Kind: String, Sendable, Hashable {
        /// A code system, value set, concept map or code is not known.
        case notFound
        /// The input or a resource is malformed.
        case invalid
        /// The answer would be larger than ``TerminologyLimits/maximumExpansionSize``.
        case tooCostly
        /// The request needs something Kiln does not ship (SNOMED CT, full LOINC, …).
        case notSupported
        /// The shipped terminology folder could not be found or read.
        case unavailable
    }

    /// The kind of failure.
    public var kind: Kind
    /// A sentence a person can act on.
    public var message: String

    /// An error.
    public init(_ kind: Kind, _ message: String) {
        self.kind = kind
        self.message = message
    }

    /// The message.
    public var description: String { message }
}
