/// Why a rules file could not be read: where and what to fix.
public struct DeidentificationRulesError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The file, or the profile's name, the problem is in.
    public var source: String
    /// What is wrong, for a person.
    public var message: String

    /// An error in `source`.
    public init(source: String, message: String) {
        self.source = source
        self.message = message
    }

    /// `source: message`.
    public var description: String { "\(source): \(message)" }
}
