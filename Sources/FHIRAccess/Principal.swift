/// Who is making a request. Until authorization is configured every request is anonymous.
public struct Principal: Sendable, Hashable {
    /// A stable identifier of the caller (client id or user), for audit.
    public var subject: String

    /// A principal with the given subject.
    public init(subject: String) {
        self.subject = subject
    }

    /// The caller of a server that does not authenticate.
    public static let anonymous = Principal(subject: "anonymous")
}
