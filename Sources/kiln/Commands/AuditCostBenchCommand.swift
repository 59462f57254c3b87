import ArgumentParser
import KilnBenchmarks

/// `kiln bench audit-cost`: ingest and read by id with the audit log on and off, in one run.
struct AuditCostBenchCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "audit-cost",
        abstract: "Measure what the audit log costs: ingest and read by id with audit on and off, in one run (two in-process servers, alternating rounds)."
    )

    @Option(help: "Fraction of the full data set (100,000 Observations) each server loads.")
    var scale: Double = 0.05

    @Option(name: .customLong("concurrency-load"), help: "Concurrent loaders.")
    var loaders: Int = 4

    @Option(name: .customLong("read-concurrency"), parsing: .upToNextOption, help: "Concurrencies of the read phases.")
    var readConcurrencies: [Int] = [1, 16]

    @Option(name: .customLong("read-seconds"), help: "Measured seconds of each read phase per server, split over the rounds.")
    var readSeconds: Double = 20

    @Option(name: .customLong("warmup-seconds"), help: "Unmeasured reading of each server before each phase.")
    var warmupSeconds: Double = 3

    @Option(help: "Alternating rounds per read phase.")
    var rounds: Int = 10

    func run() async throws {
        guard scale > 0, loaders > 0, rounds > 0, readSeconds > 0, readConcurrencies.allSatisfy({ $0 > 0 }) else {
            throw ValidationError("--scale, --concurrency-load, --rounds, --read-seconds and each --read-concurrency must be positive")
        }
        try await AuditCostBenchmark(options: AuditCostOptions(
            scale: scale, loaders: loaders, readConcurrencies: readConcurrencies, readSeconds: readSeconds, warmupSeconds: warmupSeconds, rounds: rounds
        )).run()
    }
}
