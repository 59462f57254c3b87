/// Percentiles of a set of request durations, by the nearest-rank method over all samples.
public struct LatencySummary: Sendable, Hashable, Codable {
    /// How many durations were measured.
    public let count: Int
    /// The median, in milliseconds.
    public let p50Milliseconds: Double
    /// The 99th percentile, in milliseconds.
    public let p99Milliseconds: Double
    /// The mean, in milliseconds.
    public let meanMilliseconds: Double
    /// The longest, in milliseconds.
    public let maxMilliseconds: Double

    /// The summary of `nanoseconds` (in any order); all zero when there are none.
    public init(nanoseconds: [Int64]) {
        let sorted = nanoseconds.sorted()
        count = sorted.count
        guard let last = sorted.last else {
            p50Milliseconds = 0
            p99Milliseconds = 0
            meanMilliseconds = 0
            maxMilliseconds = 0
            return
        }
        p50Milliseconds = Self.milliseconds(Self.percentile(0.50, of: sorted))
        p99Milliseconds = Self.milliseconds(Self.percentile(0.99, of: sorted))
        let total = sorted.reduce(0.0) { $0 + Double($1) }
        meanMilliseconds = total / Double(sorted.count) / 1_000_000
        maxMilliseconds = Self.milliseconds(last)
    }

    /// The nearest-rank percentile `fraction` of a non-empty sorted array.
    static func percentile(_ fraction: Double, of sorted: [Int64]) -> Int64 {
        let rank = Int((fraction * Double(sorted.count)).rounded(.up))
        return sorted[min(max(rank, 1), sorted.count) - 1]
    }

    private static func milliseconds(_ nanoseconds: Int64) -> Double {
        Double(nanoseconds) / 1_000_000
    }
}

extension Duration {
    /// The duration in whole nanoseconds.
    var nanoseconds: Int64 {
        let parts = components
        return parts.seconds * 1_000_000_000 + parts.attoseconds / 1_000_000_000
    }

    /// The duration in seconds, as a floating-point number.
    var seconds: Double {
        Double(nanoseconds) / 1_000_000_000
    }
}
