/// Measures several variants of the same requests in alternating rounds, so that a drift of the
/// machine (another process, the page cache, autovacuum) falls on every variant alike instead of
/// on whichever was measured last.
///
/// Each variant is warmed up once; then `rounds` rounds each measure every variant for
/// `duration / rounds`, in forward order in even rounds and reverse order in odd ones (so a
/// steady drift cancels), every variant of a round reading the same keys.
enum AlternatingReadDriver {
    /// The figures of each variant, in the order of `variants`. `prepare` switches the server to
    /// a variant before its slice; `read` sends one request of a variant.
    static func run<Variant: Sendable>(
        variants: [Variant],
        rounds: Int,
        concurrency: Int,
        warmup: Duration,
        duration: Duration,
        keys: Int,
        prepare: (Variant) async throws -> Void,
        read: @escaping @Sendable (Variant, Int) async throws -> Void
    ) async throws -> [ReadFigures] {
        let rounds = max(rounds, 1)
        let slice = duration / rounds
        for variant in variants where warmup > .zero {
            try await prepare(variant)
            _ = try await ReadDriver.samples(concurrency: concurrency, warmup: .zero, duration: warmup, keys: keys, seed: UInt64.max) { try await read(variant, $0) }
        }
        var samples = Array(repeating: [Int64](), count: variants.count)
        var windows = Array(repeating: Duration.zero, count: variants.count)
        for round in 0..<rounds {
            let order = round.isMultiple(of: 2) ? Array(variants.indices) : variants.indices.reversed()
            for index in order {
                let variant = variants[index]
                try await prepare(variant)
                let measured = try await ReadDriver.samples(concurrency: concurrency, warmup: .zero, duration: slice, keys: keys, seed: UInt64(round)) { try await read(variant, $0) }
                samples[index].append(contentsOf: measured.nanoseconds)
                windows[index] += measured.window
            }
        }
        return variants.indices.map { ReadFigures(concurrency: max(concurrency, 1), window: windows[$0], requestNanoseconds: samples[$0]) }
    }
}
