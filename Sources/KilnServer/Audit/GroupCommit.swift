/// Commits items of concurrent callers together: each caller waits until its item is
/// committed (or the commit failed), and callers that arrive while a commit is running share
/// the next one. This is how the audit records of concurrent reads become durable before
/// their responses are sent, at the cost of one database commit per group, not per request.
///
/// There is no background task: the caller that finds no commit running leads, commits what
/// is waiting, wakes the callers whose items it committed, and hands the lead to the first
/// caller still waiting, whose own call then commits the next group.
///
/// ```swift
/// let commits = GroupCommit<AuditRecord>(maximumGroupSize: 500) { records in try await log.append(records) }
/// try await commits.commit(record)   // returns once a commit holding `record` succeeded
/// ```
public actor GroupCommit<Item: Sendable> {
    /// Commits one group, in order; throws when none of them is committed.
    public typealias Committer = @Sendable ([Item]) async throws -> Void

    private let committer: Committer
    private let maximumGroupSize: Int
    private var waiting: [Waiter] = []
    private var isCommitting = false

    private struct Waiter {
        var item: Item
        /// Nil for the leader's own item, whose caller is not suspended.
        var continuation: CheckedContinuation<Role, any Error>?
    }

    private enum Role {
        case committed
        case lead
    }

    /// A group commit over `committer`, committing at most `maximumGroupSize` items at once.
    public init(maximumGroupSize: Int = 500, committer: @escaping Committer) {
        self.maximumGroupSize = max(1, maximumGroupSize)
        self.committer = committer
    }

    /// Returns once `item` is committed; throws the commit's error when its group failed.
    public func commit(_ item: Item) async throws {
        if isCommitting {
            let role = try await withCheckedThrowingContinuation { continuation in
                waiting.append(Waiter(item: item, continuation: continuation))
            }
            if case .committed = role { return }
            // Led: this caller's item is the first waiting, its continuation already used.
        } else {
            isCommitting = true
            waiting.append(Waiter(item: item, continuation: nil))
        }
        let count = min(waiting.count, maximumGroupSize)
        let group = Array(waiting.prefix(count))
        waiting.removeFirst(count)
        var failure: (any Error)?
        do {
            try await committer(group.map(\.item))
        } catch {
            failure = error
        }
        for waiter in group {
            guard let continuation = waiter.continuation else { continue }
            if let failure { continuation.resume(throwing: failure) } else { continuation.resume(returning: .committed) }
        }
        if waiting.isEmpty {
            isCommitting = false
        } else {
            let next = waiting[0].continuation
            waiting[0].continuation = nil
            next?.resume(returning: .lead)
        }
        if let failure { throw failure }
    }
}
