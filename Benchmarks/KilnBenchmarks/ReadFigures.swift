/// What a read phase at one concurrency measured: throughput and latency of reads by id.
public struct ReadFigures: Sendable, Hashable, Codable {
    /// Concurrent clients, each sending its next request as soon as the previous one answered.
    public let concurrency: Int
    /// Requests completed in the measured window.
    public let requests: Int
    /// Length of the measured window, in seconds.
    public let seconds: Double
    /// Requests completed per second.
    public let requestsPerSecond: Double
    /// Per-request latency.
    public let latency: LatencySummary

    /// Figures from the window's length and the durations of the requests started in it.
    public init(concurrency: Int, window: Duration, requestNanoseconds: [Int64]) {
        self.concurrency = concurrency
        self.requests = requestNanoseconds.count
        self.seconds = window.seconds
        self.requestsPerSecond = seconds > 0 ? Double(requests) / seconds : 0
        self.latency = LatencySummary(nanoseconds: requestNanoseconds)
    }
}
