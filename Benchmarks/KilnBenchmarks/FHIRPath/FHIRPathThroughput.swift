/// The figures of one measured loop: how many evaluations finished in how long, on how many workers.
struct FHIRPathThroughput: Sendable, Encodable {
    /// Concurrent workers (1 for the single-thread loop).
    let workers: Int
    /// Evaluations finished in the measured window.
    let evaluations: Int
    /// Evaluations that raised an error in the window (they count in ``evaluations``).
    let failures: Int
    /// The window's length, in seconds.
    let seconds: Double
    /// CPU time the engine's process used in the window, over all its threads, in seconds.
    let cpuSeconds: Double

    /// Evaluations per second.
    var evaluationsPerSecond: Double { seconds > 0 ? Double(evaluations) / seconds : 0 }

    /// Cores kept busy on average in the window: CPU seconds per second.
    var coresBusy: Double { seconds > 0 ? cpuSeconds / seconds : 0 }

    private enum CodingKeys: String, CodingKey {
        case workers, evaluations, failures, seconds, cpuSeconds, evaluationsPerSecond, coresBusy
    }

    /// Encodes the figures with the evaluations per second.
    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(workers, forKey: .workers)
        try container.encode(evaluations, forKey: .evaluations)
        try container.encode(failures, forKey: .failures)
        try container.encode(seconds, forKey: .seconds)
        try container.encode(cpuSeconds, forKey: .cpuSeconds)
        try container.encode(evaluationsPerSecond, forKey: .evaluationsPerSecond)
        try container.encode(coresBusy, forKey: .coresBusy)
    }
}
