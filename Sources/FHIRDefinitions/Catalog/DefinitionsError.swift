/// Why the definitions could not be found, read, compiled or loaded.
public struct DefinitionsError: Error, Sendable, Hashable, CustomStringConvertible {
    /// What kind of problem this is.
    public enum Kind: Sendable, Hashable {
        /// No compiled definitions were found where Kiln looked.
        case notFound
        /// A file could not be read or written.
        case io
        /// A file is not JSON, or not of the expected shape.
        case malformed
        /// The compiled files were made by an incompatible compiler or for another FHIR version.
        case incompatible
    }

    /// What kind of problem this is.
    public let kind: Kind
    /// A message a person can act on, naming the file and where in it.
    public let message: String

    /// An error of the given kind.
    public init(_ kind: Kind, _ message: String) {
        self.kind = kind
        self.message = message
    }

    /// The message.
    public var description: String { message }
}
