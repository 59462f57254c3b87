/// Why a JSON Pointer (RFC 6901) string was rejected.
public struct JSONPointerError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The pointer text that was rejected.
    public let pointer: String
    /// What is wrong with it, for a person to act on.
    public let reason: String

    /// An error for `pointer` with a reason.
    public init(pointer: String, reason: String) {
        self.pointer = pointer
        self.reason = reason
    }

    /// The reason with the pointer it concerns.
    public var description: String { "Invalid JSON Pointer '\(pointer)': \(reason)" }
}
