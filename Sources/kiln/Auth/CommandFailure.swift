/// A command that could not do what was asked, for a reason found while running (an unknown
/// client, a taken name): printed as `Error: <message>` with exit status 1, without the usage
/// text that a ``ValidationError`` of the arguments brings.
struct CommandFailure: Error, CustomStringConvertible {
    /// What went wrong, for the operator.
    let message: String

    /// A failure with this message.
    init(_ message: String) {
        self.message = message
    }

    /// The message.
    var description: String { message }
}
