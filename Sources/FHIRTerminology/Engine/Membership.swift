/// Whether a code belongs to a code system or value set, as far as the shipped content can tell.
enum Membership: Sendable, Hashable {
    /// It belongs.
    case member
    /// It does not; the message says why.
    case notMember(String)
    /// It cannot be told (a system or value set that is not shipped); the message says why.
    case unknown(String)

    var isMember: Bool { if case .member = self { true } else { false } }
}
