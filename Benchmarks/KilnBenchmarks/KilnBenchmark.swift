import AsyncHTTPClient
import FHIRStore
import Foundation
import KilnTesting

/// The benchmark behind `kiln bench`: Kiln's load and read figures next to raw PostgreSQL's on
/// the same machine and the same documents.
///
/// ```swift
/// let report = try await KilnBenchmark(options: BenchmarkOptions(scale: 0.01, readSeconds: 2)).run()
/// ```
///
/// By default Kiln runs in this process over a fresh database of the test cluster
/// (``KilnTesting/TestCluster``), and the baseline uses a scratch database of the same cluster.
public struct KilnBenchmark: Sendable {
    /// The options of the run.
    public let options: BenchmarkOptions
    private let output = BenchmarkOutput()

    /// A benchmark with `options`.
    public init(options: BenchmarkOptions) {
        self.options = options
    }

    /// Runs every phase, prints the figures and, with `--json`, writes them; returns them.
    @discardableResult
    public func run() async throws -> BenchmarkReport {
        try options.validate()
        let plan = LoadPlan(observationCount: options.observationCount)
        var notes: [String] = []
        printHeader(plan: plan)

        output.line("Generating \(plan.bundleCount) transaction Bundles…")
        let bundles = TransactionBundles(plan: plan)
        output.line("Observations are \(ReportTable.grouped(bundles.meanObservationBytes)) bytes on average as sent (\(ReportTable.grouped(bundles.meanStoredObservationBytes)) as stored, with id and meta).")
        let (kiln, kilnServer, kilnNote) = try await measureKiln(plan: plan, bundles: bundles)
        if let kilnNote { notes.append(kilnNote) }

        var baseline: SystemFigures?
        var facts: PostgresFacts?
        if let database = try await baselineDatabase() {
            let run = BaselineRun(options: options, plan: plan, output: output)
            do {
                (baseline, facts) = try await run.measure(database: database.configuration)
                try await database.release()
            } catch {
                try? await database.release()
                throw error
            }
        } else {
            notes.append("The PostgreSQL baseline was skipped: benchmarking a running Kiln (--url) needs --database-url for it.")
        }

        let report = BenchmarkReport(
            options: options, plan: plan, meanObservationBytes: bundles.meanStoredObservationBytes,
            kilnServer: kilnServer, postgres: facts, kiln: kiln, baseline: baseline, notes: notes
        )
        printReport(report)
        if let path = options.jsonPath {
            try writeJSON(report, to: path)
            output.line("Figures written to \(path)")
        }
        return report
    }

    // MARK: Kiln

    private func measureKiln(plan: LoadPlan, bundles: TransactionBundles) async throws -> (SystemFigures, String, String?) {
        var configuration = HTTPClient.Configuration()
        configuration.connectionPool.concurrentHTTP1ConnectionsPerHostSoftLimit = max(32, options.readConcurrencies.max() ?? 1, options.loaders)
        let httpClient = HTTPClient(eventLoopGroup: HTTPClient.defaultEventLoopGroup, configuration: configuration)
        let run = KilnRun(options: options, plan: plan, output: output)
        do {
            let result: (SystemFigures, String, String?)
            if let url = options.kilnURL {
                result = (try await run.measure(baseURL: url, httpClient: httpClient, bundles: bundles), url, nil)
            } else {
                output.line("Starting an in-process Kiln over a fresh database of the test cluster in \(TestCluster.shared.dataDirectory)…")
                result = try await TestServer.run(databaseConnections: DatabaseConfiguration.defaultMaximumConnections) { server in
                    let figures = try await run.measure(baseURL: server.baseURL, httpClient: httpClient, bundles: bundles)
                    let note = "The in-process Kiln's database pool had \(server.database.maximumConnections) connections, as `kiln serve` has by default."
                    return (figures, "in-process", note)
                }
            }
            try await httpClient.shutdown()
            return result
        } catch {
            try? await httpClient.shutdown()
            throw error
        }
    }

    // MARK: Baseline

    /// Where the baseline runs, or nil when it cannot run.
    private func baselineDatabase() async throws -> BaselineDatabase? {
        if options.kilnURL != nil {
            guard let url = options.databaseURL else { return nil }
            return BaselineDatabase(configuration: try DatabaseConfiguration(url: url), isScratch: false)
        }
        if let url = options.databaseURL {
            return BaselineDatabase(configuration: try DatabaseConfiguration(url: url), isScratch: false)
        }
        return BaselineDatabase(configuration: try await TestCluster.shared.makeDatabase(), isScratch: true)
    }

    // MARK: Output

    private func printHeader(plan: LoadPlan) {
        output.line("Kiln benchmark")
        if BuildConfiguration.isRelease {
            output.line("Build: release")
        } else {
            output.line("Build: debug — these figures are NOT meaningful. Run: swift build -c release && .build/release/kiln bench")
        }
        output.line("Kiln: \(options.kilnURL ?? "in-process server on a loopback port, fresh database of the test cluster")")
        output.line("Data: \(ReportTable.grouped(plan.observationCount)) Observations + \(ReportTable.grouped(plan.patientCount)) Patients (scale \(options.scale)) in \(ReportTable.grouped(plan.bundleCount)) batches of up to \(LoadPlan.entriesPerBundle)")
        output.line("Load: \(options.loaders) concurrent loaders. Kiln: POST transaction Bundles (Prefer: return=minimal). PostgreSQL: one \(LoadPlan.entriesPerBundle)-row INSERT per batch into (id text primary key, content jsonb).")
        output.line("Reads: random Observation ids; Kiln GET Observation/{id}, PostgreSQL prepared SELECT by primary key; \(options.warmupSeconds) s warm-up + \(options.readSeconds) s measured at concurrency \(options.readConcurrencies.map(String.init).joined(separator: ", ")).")
        output.line()
    }

    private func printReport(_ report: BenchmarkReport) {
        output.line()
        output.line("Results (\(report.build) build; ratio = Kiln / PostgreSQL: higher is better for requests/s and resources/s, lower is better for latency)")
        if let facts = report.postgres {
            output.line("PostgreSQL: \(facts.version.split(separator: " ").prefix(2).joined(separator: " ")), shared_buffers \(facts.sharedBuffers), fsync \(facts.fsync), synchronous_commit \(facts.synchronousCommit)")
        }
        output.line()
        for line in ReportTable.lines(report.comparison) { output.line(line) }
        if !report.notes.isEmpty {
            output.line()
            for note in report.notes { output.line("Note: \(note)") }
        }
    }

    private func writeJSON(_ report: BenchmarkReport, to path: String) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        let data = try encoder.encode(report)
        try data.write(to: URL(fileURLWithPath: path), options: .atomic)
    }
}

/// The database of the PostgreSQL baseline: a scratch database of the test cluster (dropped
/// afterwards) or the database of `--database-url`.
struct BaselineDatabase: Sendable {
    let configuration: DatabaseConfiguration
    let isScratch: Bool

    /// Drops the scratch database; a database of `--database-url` is left alone (the baseline
    /// drops its own table).
    func release() async throws {
        if isScratch { try await TestCluster.shared.dropDatabase(configuration) }
    }
}
