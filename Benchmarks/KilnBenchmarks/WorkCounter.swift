import Synchronization

/// Hands out the numbers `0..<limit` once each to concurrent workers.
final class WorkCounter: Sendable {
    private let next = Mutex(0)
    /// One past the last number handed out.
    let limit: Int

    /// A counter over `0..<limit`.
    init(limit: Int) {
        self.limit = limit
    }

    /// The next number, or nil when all have been taken.
    func take() -> Int? {
        next.withLock { value in
            guard value < limit else { return nil }
            defer { value += 1 }
            return value
        }
    }
}
