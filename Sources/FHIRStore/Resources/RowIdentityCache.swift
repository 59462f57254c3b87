import Synchronization

/// The row identities (`resource.rid`) of resources already looked up, keyed `Type/id`.
///
/// A resource's row is made with its first committed version and is never removed (a delete
/// only marks it), so its identity never changes once another transaction can see it; an entry
/// therefore never goes stale. The cache is bounded: when it is full it starts afresh.
final class RowIdentityCache: Sendable {
    /// The most identities kept (about 100 bytes each).
    static let capacity = 200_000

    private let identities = Mutex<[String: Int64]>([:])

    /// An empty cache.
    init() {}

    /// The identities known of `keys` (`Type/id`).
    func known(_ keys: [String]) -> [String: Int64] {
        identities.withLock { identities in
            var found: [String: Int64] = [:]
            for key in keys {
                if let rowID = identities[key] { found[key] = rowID }
            }
            return found
        }
    }

    /// The identity known of `key` (`Type/id`), if any.
    func known(_ key: String) -> Int64? {
        identities.withLock { $0[key] }
    }

    /// Records identities just read from the database.
    func record(_ found: [String: Int64]) {
        guard !found.isEmpty else { return }
        identities.withLock { identities in
            if identities.count + found.count > Self.capacity { identities.removeAll(keepingCapacity: true) }
            identities.merge(found) { _, new in new }
        }
    }
}
