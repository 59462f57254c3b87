import FHIRModel
import FHIRPath

/// Evaluates (expression, resource) pairs round and round until a deadline, on one or several
/// workers that all share the same compiled expressions and the same resources.
struct FHIRPathLoop: Sendable {
    /// Evaluations between two `Task.yield()`s of a worker, so that more workers than cores still
    /// take turns on the cooperative pool.
    static let evaluationsPerYield = 1_024

    /// One evaluation of the loop.
    struct Item: Sendable {
        /// The compiled expression, shared with every other item and worker that uses it.
        let expression: FHIRPathExpression
        /// The resource to evaluate it on.
        let resource: JSONValue
    }

    /// The pairs, in the order evaluated.
    let items: [Item]
    /// The environment of every evaluation, made once.
    let environment: FHIRPathEnvironment

    /// Runs `workers` concurrent workers for `seconds`; each starts at its own place in the items.
    func run(workers: Int, seconds: Double) async -> FHIRPathThroughput {
        guard !items.isEmpty else { return FHIRPathThroughput(workers: workers, evaluations: 0, failures: 0, seconds: 0, cpuSeconds: 0) }
        let clock = ContinuousClock()
        let cpuStart = ProcessCPUTime.now()
        let start = clock.now
        let deadline = start.advanced(by: .seconds(seconds))
        let tally = await withTaskGroup(of: Tally.self) { group in
            for worker in 0..<workers {
                let offset = items.count * worker / workers
                group.addTask { await self.work(from: offset, until: deadline, clock: clock) }
            }
            var total = Tally()
            for await part in group { total.add(part) }
            return total
        }
        let elapsed = start.duration(to: clock.now).seconds
        return FHIRPathThroughput(
            workers: workers, evaluations: tally.evaluations, failures: tally.failures, seconds: elapsed,
            cpuSeconds: ProcessCPUTime.now() - cpuStart
        )
    }

    /// What one worker did.
    private struct Tally: Sendable {
        var evaluations = 0
        var failures = 0
        /// The sum of the result counts, so that no evaluation's result goes unused.
        var results = 0

        mutating func add(_ other: Tally) {
            evaluations += other.evaluations
            failures += other.failures
            results &+= other.results
        }
    }

    private func work(from offset: Int, until deadline: ContinuousClock.Instant, clock: ContinuousClock) async -> Tally {
        var tally = Tally()
        var index = offset
        var sinceYield = 0
        while clock.now < deadline {
            let item = items[index]
            do {
                tally.results &+= try item.expression.evaluate(item.resource, environment: environment).count
            } catch {
                tally.failures += 1
            }
            tally.evaluations += 1
            index += 1
            if index == items.count { index = 0 }
            sinceYield += 1
            if sinceYield == Self.evaluationsPerYield {
                sinceYield = 0
                await Task.yield()
            }
        }
        return tally
    }
}
