public import Foundation

/// The clients registered or removed since a moment, for nodes that cache clients.
///
/// ```swift
/// var since = Date.distantPast
/// let changes = try await auth.clientsChanged(since: since)
/// for client in changes.clients { cache[client.clientID] = client.isActive ? client : nil }
/// since = changes.checkedAt.addingTimeInterval(-AuthStore.pollingOverlap)
/// ```
public struct ClientChanges: Sendable, Hashable {
    /// The clients changed at or after the moment asked for, removed ones with
    /// ``ClientRecord/revokedAt`` set.
    public var clients: [ClientRecord]
    /// The database's clock when the changes were read: the `since` of the next poll, less
    /// ``AuthStore/pollingOverlap``.
    public var checkedAt: Date

    /// Changes.
    public init(clients: [ClientRecord], checkedAt: Date) {
        self.clients = clients
        self.checkedAt = checkedAt
    }
}
