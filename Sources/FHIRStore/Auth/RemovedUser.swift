public import Foundation

/// A user's removal: the access tokens of the removed account are refused.
public struct RemovedUser: Sendable, Hashable {
    /// The removed account (``UserRecord/accountID``), which its access tokens carry.
    public var accountID: String
    /// The removed user's name (the `sub` of their access tokens).
    public var username: String
    /// When the user was removed, by the database's clock.
    public var removedAt: Date

    /// A removal.
    public init(accountID: String, username: String, removedAt: Date) {
        self.accountID = accountID
        self.username = username
        self.removedAt = removedAt
    }
}

/// The users removed since a moment, for nodes that keep a cache of revocations.
///
/// ```swift
/// let removals = try await auth.usersRemoved(since: since)
/// for user in removals.users { removedAccounts[user.accountID] = user.removedAt }
/// since = removals.checkedAt.addingTimeInterval(-AuthStore.pollingOverlap)
/// ```
public struct UserRemovals: Sendable, Hashable {
    /// The removals at or after the moment asked for, oldest first.
    public var users: [RemovedUser]
    /// The database's clock when they were read: the `since` of the next poll, less
    /// ``AuthStore/pollingOverlap``.
    public var checkedAt: Date

    /// Removals.
    public init(users: [RemovedUser], checkedAt: Date) {
        self.users = users
        self.checkedAt = checkedAt
    }
}
