/// Writes numbered batches with a fixed number of concurrent loaders and times the phase.
///
/// Each loader takes the next batch number as soon as its previous batch is acknowledged, so the
/// system under test always has `concurrency` batches in flight until the work runs out.
enum LoadDriver {
    /// Writes batches `0..<batches` with `write` and returns the phase's figures and what `write`
    /// returned for each batch, in batch order.
    static func run<Output: Sendable>(
        batches: Int,
        resources: Int,
        concurrency: Int,
        progress: ProgressReporter?,
        write: @escaping @Sendable (Int) async throws -> Output
    ) async throws -> (figures: LoadFigures, outputs: [Output]) {
        let clock = ContinuousClock()
        let counter = WorkCounter(limit: batches)
        let started = clock.now
        let results = try await withThrowingTaskGroup(of: [(batch: Int, output: Output, nanoseconds: Int64)].self) { group in
            for _ in 0..<max(concurrency, 1) {
                group.addTask {
                    var done: [(batch: Int, output: Output, nanoseconds: Int64)] = []
                    while let batch = counter.take() {
                        let began = clock.now
                        let output = try await write(batch)
                        done.append((batch, output, (clock.now - began).nanoseconds))
                        progress?.batchCompleted()
                    }
                    return done
                }
            }
            var all: [(batch: Int, output: Output, nanoseconds: Int64)] = []
            for try await done in group { all.append(contentsOf: done) }
            return all
        }
        let elapsed = clock.now - started
        let ordered = results.sorted { $0.batch < $1.batch }
        let figures = LoadFigures(resources: resources, concurrency: concurrency, elapsed: elapsed, batchNanoseconds: ordered.map(\.nanoseconds))
        return (figures, ordered.map(\.output))
    }
}
