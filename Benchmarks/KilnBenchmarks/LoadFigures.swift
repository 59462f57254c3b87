/// What a load phase measured: resources written per second, and how long each batch took.
public struct LoadFigures: Sendable, Hashable, Codable {
    /// Resources written (Patients and Observations).
    public let resources: Int
    /// Batches written: transaction Bundles for Kiln, multi-row INSERTs for PostgreSQL.
    public let batches: Int
    /// Concurrent loaders.
    public let concurrency: Int
    /// Wall-clock time of the whole phase, in seconds.
    public let seconds: Double
    /// Resources written per second of wall-clock time.
    public let resourcesPerSecond: Double
    /// Per-batch latency.
    public let batchLatency: LatencySummary

    /// Figures from the phase's totals and per-batch durations.
    public init(resources: Int, concurrency: Int, elapsed: Duration, batchNanoseconds: [Int64]) {
        self.resources = resources
        self.batches = batchNanoseconds.count
        self.concurrency = concurrency
        self.seconds = elapsed.seconds
        self.resourcesPerSecond = seconds > 0 ? Double(resources) / seconds : 0
        self.batchLatency = LatencySummary(nanoseconds: batchNanoseconds)
    }
}
