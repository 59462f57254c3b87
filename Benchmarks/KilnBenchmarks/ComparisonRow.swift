/// One line of the report's table: a figure for Kiln, for PostgreSQL, and Kiln's over PostgreSQL's.
public struct ComparisonRow: Sendable, Hashable, Codable {
    /// What the figure is, with its unit, e.g. `read c=16 p99 (ms)`.
    public let figure: String
    /// Kiln's value.
    public let kiln: Double
    /// The baseline's value, when the baseline ran.
    public let postgres: Double?
    /// `kiln / postgres`: below 1 means Kiln does less of it (worse for throughput, better for latency).
    public let ratio: Double?
    /// Whether a higher value is better (throughput) or worse (latency).
    public let higherIsBetter: Bool

    /// A row; the ratio is computed when both values are there and the baseline's is not zero.
    public init(figure: String, kiln: Double, postgres: Double?, higherIsBetter: Bool) {
        self.figure = figure
        self.kiln = kiln
        self.postgres = postgres
        self.higherIsBetter = higherIsBetter
        if let postgres, postgres > 0 {
            ratio = kiln / postgres
        } else {
            ratio = nil
        }
    }

    /// The rows comparing `kiln` with `postgres` (nil when the baseline did not run).
    static func rows(kiln: SystemFigures, postgres: SystemFigures?) -> [ComparisonRow] {
        var rows = [
            ComparisonRow(figure: "load (resources/s)", kiln: kiln.load.resourcesPerSecond, postgres: postgres?.load.resourcesPerSecond, higherIsBetter: true),
            ComparisonRow(figure: "load batch p50 (ms)", kiln: kiln.load.batchLatency.p50Milliseconds, postgres: postgres?.load.batchLatency.p50Milliseconds, higherIsBetter: false),
            ComparisonRow(figure: "load batch p99 (ms)", kiln: kiln.load.batchLatency.p99Milliseconds, postgres: postgres?.load.batchLatency.p99Milliseconds, higherIsBetter: false),
        ]
        for read in kiln.reads {
            let other = postgres?.read(concurrency: read.concurrency)
            rows.append(ComparisonRow(figure: "read c=\(read.concurrency) (requests/s)", kiln: read.requestsPerSecond, postgres: other?.requestsPerSecond, higherIsBetter: true))
            rows.append(ComparisonRow(figure: "read c=\(read.concurrency) p50 (ms)", kiln: read.latency.p50Milliseconds, postgres: other?.latency.p50Milliseconds, higherIsBetter: false))
            rows.append(ComparisonRow(figure: "read c=\(read.concurrency) p99 (ms)", kiln: read.latency.p99Milliseconds, postgres: other?.latency.p99Milliseconds, higherIsBetter: false))
        }
        return rows
    }
}
