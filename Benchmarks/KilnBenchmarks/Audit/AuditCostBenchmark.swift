import AsyncHTTPClient
import FHIRStore
import Foundation
import KilnTesting
import Logging

/// `kiln bench audit-cost`: what recording every access costs, in one run. Two in-process
/// servers over two fresh databases of the test cluster, one recording the audit log (as every
/// Kiln does) and one not: the same transaction Bundles are loaded into each in turn, and
/// Observations are read back by id in alternating rounds at each concurrency, so a drift of
/// the machine falls on both alike. The ratios are audit on / audit off.
public struct AuditCostBenchmark: Sendable {
    /// The options.
    public let options: AuditCostOptions
    private let output = BenchmarkOutput()

    /// A benchmark with `options`.
    public init(options: AuditCostOptions) {
        self.options = options
    }

    /// Runs the load and the reads, prints the figures and returns them.
    @discardableResult
    public func run() async throws -> AuditCostReport {
        let plan = LoadPlan(observationCount: max(100, Int((100_000 * options.scale).rounded())))
        output.line("Kiln audit cost benchmark (\(BuildConfiguration.isRelease ? "release" : "debug — NOT meaningful") build)")
        output.line("Data: \(ReportTable.grouped(plan.observationCount)) Observations + \(ReportTable.grouped(plan.patientCount)) Patients per server in \(plan.bundleCount) transaction Bundles; \(options.loaders) loaders")
        let bundles = TransactionBundles(plan: plan)
        var configuration = HTTPClient.Configuration()
        configuration.connectionPool.concurrentHTTP1ConnectionsPerHostSoftLimit = max(32, options.readConcurrencies.max() ?? 1, options.loaders)
        let http = HTTPClient(eventLoopGroup: HTTPClient.defaultEventLoopGroup, configuration: configuration)
        let options = self.options
        let output = self.output
        do {
            let report = try await TestServer.run(databaseConnections: DatabaseConfiguration.defaultMaximumConnections, recordsAudit: false) { off in
                try await TestServer.run(databaseConnections: DatabaseConfiguration.defaultMaximumConnections, recordsAudit: true) { on in
                    let targets = [KilnTarget(client: KilnClient(baseURL: off.baseURL, httpClient: http)),
                                   KilnTarget(client: KilnClient(baseURL: on.baseURL, httpClient: http))]
                    // The same Bundles into each server in turn (the server with audit off first).
                    var loads = [LoadFigures](), ids = [[String]]()
                    for (index, target) in targets.enumerated() {
                        output.line("Loading \(plan.bundleCount) Bundles into the server with audit \(index == 0 ? "off" : "on")…")
                        let (figures, created) = try await target.load(bundles, plan: plan, concurrency: options.loaders, output: output)
                        loads.append(figures)
                        ids.append(created)
                    }
                    let readIDs = ids
                    var reads: [(concurrency: Int, off: ReadFigures, on: ReadFigures)] = []
                    for concurrency in options.readConcurrencies {
                        output.line("Reading Observations by id at concurrency \(concurrency), \(options.rounds) alternating rounds…")
                        let figures = try await AlternatingReadDriver.run(
                            variants: [0, 1], rounds: options.rounds, concurrency: concurrency,
                            warmup: .seconds(options.warmupSeconds), duration: .seconds(options.readSeconds),
                            keys: min(readIDs[0].count, readIDs[1].count), prepare: { _ in }
                        ) { variant, key in
                            let path = "Observation/\(readIDs[variant][key])"
                            let response = try await targets[variant].client.get(path)
                            guard response.status == 200 else {
                                throw BenchmarkError.unexpectedResponse(request: "GET \(path)", status: response.status, body: response.text)
                            }
                        }
                        reads.append((concurrency, figures[0], figures[1]))
                    }
                    let records = try await on.auditRecordCount()
                    return AuditCostReport(loadOff: loads[0], loadOn: loads[1], reads: reads.map { AuditCostReport.Read(concurrency: $0.concurrency, off: $0.off, on: $0.on) },
                                           recordsWritten: records)
                }
            }
            try await http.shutdown()
            report.print(to: output)
            return report
        } catch {
            try? await http.shutdown()
            throw error
        }
    }
}

/// The options of ``AuditCostBenchmark``.
public struct AuditCostOptions: Sendable {
    /// Fraction of the full data set (100,000 Observations) each server loads.
    public var scale: Double
    /// Concurrent loaders.
    public var loaders: Int
    /// Concurrencies of the read phases.
    public var readConcurrencies: [Int]
    /// Measured seconds of each read phase, split over the rounds.
    public var readSeconds: Double
    /// Unmeasured reading before each phase.
    public var warmupSeconds: Double
    /// Alternating rounds per phase.
    public var rounds: Int

    /// Options.
    public init(scale: Double = 0.05, loaders: Int = 4, readConcurrencies: [Int] = [1, 16], readSeconds: Double = 20, warmupSeconds: Double = 3, rounds: Int = 10) {
        self.scale = scale
        self.loaders = loaders
        self.readConcurrencies = readConcurrencies
        self.readSeconds = readSeconds
        self.warmupSeconds = warmupSeconds
        self.rounds = rounds
    }
}

/// The figures of ``AuditCostBenchmark``.
public struct AuditCostReport: Sendable {
    /// One read phase, both servers.
    public struct Read: Sendable {
        /// The concurrency.
        public let concurrency: Int
        /// Audit off.
        public let off: ReadFigures
        /// Audit on.
        public let on: ReadFigures
    }

    /// Ingest with audit off.
    public let loadOff: LoadFigures
    /// Ingest with audit on.
    public let loadOn: LoadFigures
    /// The read phases.
    public let reads: [Read]
    /// Records in the audited server's log at the end.
    public let recordsWritten: Int64

    func print(to output: BenchmarkOutput) {
        func ratio(_ on: Double, _ off: Double) -> String { off > 0 ? String(format: "%.2f×", on / off) : "–" }
        output.line()
        output.line("| work | audit off | audit on | on / off |")
        output.line("|---|---|---|---|")
        output.line("| ingest, resources/s | \(Int(loadOff.resourcesPerSecond.rounded())) | \(Int(loadOn.resourcesPerSecond.rounded())) | \(ratio(loadOn.resourcesPerSecond, loadOff.resourcesPerSecond)) |")
        for read in reads {
            output.line("| read by id, \(read.concurrency) clients, requests/s | \(Int(read.off.requestsPerSecond.rounded())) | \(Int(read.on.requestsPerSecond.rounded())) | \(ratio(read.on.requestsPerSecond, read.off.requestsPerSecond)) |")
            output.line("| read by id, \(read.concurrency) clients, p50 ms | \(String(format: "%.2f", read.off.latency.p50Milliseconds)) | \(String(format: "%.2f", read.on.latency.p50Milliseconds)) | \(ratio(read.on.latency.p50Milliseconds, read.off.latency.p50Milliseconds)) |")
            output.line("| read by id, \(read.concurrency) clients, p99 ms | \(String(format: "%.2f", read.off.latency.p99Milliseconds)) | \(String(format: "%.2f", read.on.latency.p99Milliseconds)) | \(ratio(read.on.latency.p99Milliseconds, read.off.latency.p99Milliseconds)) |")
        }
        output.line()
        output.line("The audited server wrote \(recordsWritten) audit records.")
    }
}

extension TestServer {
    /// How many records the server's audit log holds.
    func auditRecordCount() async throws -> Int64 {
        try await TestCluster.withClient(database) { client in
            try await AuditLogStore(client: client, logger: Logger(label: "kiln.bench.audit")).count()
        }
    }
}
