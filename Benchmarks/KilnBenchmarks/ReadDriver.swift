/// Runs closed-loop readers: `concurrency` clients that each send their next read as soon as the
/// previous one is answered, for a warm-up and then a measured window.
enum ReadDriver {
    /// Reads keys `0..<keys` chosen at random with `read` and returns the figures of the requests
    /// started inside the measured window.
    static func run(
        concurrency: Int,
        warmup: Duration,
        duration: Duration,
        keys: Int,
        read: @escaping @Sendable (Int) async throws -> Void
    ) async throws -> ReadFigures {
        let (samples, window) = try await samples(concurrency: concurrency, warmup: warmup, duration: duration, keys: keys, seed: 0, read: read)
        return ReadFigures(concurrency: max(concurrency, 1), window: window, requestNanoseconds: samples)
    }

    /// The durations of the requests started inside the measured window, and the window's
    /// length; `seed` chooses the sequence of keys (the same seed, the same keys).
    static func samples(
        concurrency: Int,
        warmup: Duration,
        duration: Duration,
        keys: Int,
        seed: UInt64,
        read: @escaping @Sendable (Int) async throws -> Void
    ) async throws -> (nanoseconds: [Int64], window: Duration) {
        let clock = ContinuousClock()
        let windowStart = clock.now + warmup
        let windowEnd = windowStart + duration
        let workers = max(concurrency, 1)
        let (samples, lastEnd) = try await withThrowingTaskGroup(of: ([Int64], ContinuousClock.Instant).self) { group in
            for worker in 0..<workers {
                group.addTask {
                    var random = SyntheticRandom(seed: 0x5EED_0000 &+ UInt64(worker) &+ seed &* 0x1_0000)
                    var samples: [Int64] = []
                    var lastEnd = windowStart
                    while true {
                        let began = clock.now
                        guard began < windowEnd else { break }
                        try await read(Int.random(in: 0..<keys, using: &random))
                        let ended = clock.now
                        if began >= windowStart {
                            samples.append((ended - began).nanoseconds)
                            lastEnd = max(lastEnd, ended)
                        }
                    }
                    return (samples, lastEnd)
                }
            }
            var all: [Int64] = []
            var lastEnd = windowStart
            for try await (samples, end) in group {
                all.append(contentsOf: samples)
                lastEnd = max(lastEnd, end)
            }
            return (all, lastEnd)
        }
        return (samples, lastEnd - windowStart)
    }
}
