import Synchronization

/// Prints a line each time another tenth of a phase's batches has completed, so a long load shows
/// that it is moving (at most nine lines a phase).
final class ProgressReporter: Sendable {
    private let completed = Mutex(0)
    private let total: Int
    private let label: String
    private let output: BenchmarkOutput

    /// A reporter for `total` batches, printing lines that start with `label`.
    init(total: Int, label: String, output: BenchmarkOutput) {
        self.total = total
        self.label = label
        self.output = output
    }

    /// Records one completed batch.
    func batchCompleted() {
        let (done, crossed) = completed.withLock { count -> (Int, Bool) in
            count += 1
            let tenth = count * 10 / max(total, 1)
            return (count, count < total && tenth > (count - 1) * 10 / max(total, 1))
        }
        if crossed {
            output.line("  \(label): \(done)/\(total) batches")
        }
    }
}
