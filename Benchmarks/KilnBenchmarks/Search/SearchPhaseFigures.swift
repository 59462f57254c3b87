/// One search at one concurrency: Kiln's figures and the hand-written SQL's, and their ratios.
public struct SearchPhaseFigures: Sendable, Hashable, Codable {
    /// Concurrent clients.
    public let concurrency: Int
    /// Kiln over HTTP.
    public let kiln: ReadFigures
    /// The hand-written SQL over postgres-nio.
    public let sql: ReadFigures
    /// Kiln's median latency over the SQL's.
    public let p50Ratio: Double?
    /// Kiln's 99th percentile latency over the SQL's.
    public let p99Ratio: Double?

    /// The figures of both sides; the ratios are computed when the SQL's are not zero.
    public init(concurrency: Int, kiln: ReadFigures, sql: ReadFigures) {
        self.concurrency = concurrency
        self.kiln = kiln
        self.sql = sql
        p50Ratio = sql.latency.p50Milliseconds > 0 ? kiln.latency.p50Milliseconds / sql.latency.p50Milliseconds : nil
        p99Ratio = sql.latency.p99Milliseconds > 0 ? kiln.latency.p99Milliseconds / sql.latency.p99Milliseconds : nil
    }
}
