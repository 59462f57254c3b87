@testable import KilnServer
import Synchronization
import Testing

/// The group commit that makes concurrent requests' audit records durable together.
@Suite("Group commit")
struct GroupCommitTests {
    /// Records the groups a committer was given.
    final class Groups: Sendable {
        private let groups = Mutex<[[Int]]>([])
        func add(_ group: [Int]) { groups.withLock { $0.append(group) } }
        var all: [[Int]] { groups.withLock { $0 } }
    }

    @Test("Every item is committed exactly once, and callers that wait share commits")
    func sharesCommits() async throws {
        let groups = Groups()
        let commits = GroupCommit<Int>(maximumGroupSize: 500) { group in
            groups.add(group)
            try await Task.sleep(for: .milliseconds(5))
        }
        try await withThrowingTaskGroup(of: Void.self) { tasks in
            for item in 0..<200 {
                tasks.addTask { try await commits.commit(item) }
            }
            try await tasks.waitForAll()
        }
        let all = groups.all
        #expect(all.flatMap { $0 }.sorted() == Array(0..<200))
        #expect(all.count < 200, "200 concurrent callers were committed in \(all.count) commits")
        #expect(all.contains { $0.count > 1 })
    }

    @Test("No group is larger than the maximum")
    func boundsGroups() async throws {
        let groups = Groups()
        let commits = GroupCommit<Int>(maximumGroupSize: 7) { group in
            groups.add(group)
            try await Task.sleep(for: .milliseconds(2))
        }
        try await withThrowingTaskGroup(of: Void.self) { tasks in
            for item in 0..<100 { tasks.addTask { try await commits.commit(item) } }
            try await tasks.waitForAll()
        }
        #expect(groups.all.allSatisfy { $0.count <= 7 })
        #expect(groups.all.flatMap { $0 }.count == 100)
    }

    @Test("A failed commit fails every caller of its group, and later commits still run")
    func failuresReachEveryCaller() async throws {
        struct Refused: Error {}
        let failing = Mutex(true)
        let commits = GroupCommit<Int> { _ in
            try await Task.sleep(for: .milliseconds(2))
            if failing.withLock({ $0 }) { throw Refused() }
        }
        let outcomes = try await withThrowingTaskGroup(of: Bool.self) { tasks in
            for item in 0..<20 {
                tasks.addTask {
                    do { try await commits.commit(item); return true } catch is Refused { return false }
                }
            }
            return try await tasks.reduce(into: [Bool]()) { $0.append($1) }
        }
        #expect(outcomes.count == 20)
        #expect(outcomes.allSatisfy { !$0 })
        failing.withLock { $0 = false }
        try await commits.commit(99)
    }
}
