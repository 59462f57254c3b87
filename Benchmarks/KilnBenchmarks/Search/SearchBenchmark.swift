import AsyncHTTPClient
import FHIRDefinitions
import FHIRStore
import Foundation
import KilnServer
import KilnTesting
import Synchronization

/// The benchmark behind `kiln bench search`: a million resources (Patients, Observations,
/// DiagnosticReports) bulk-loaded through Kiln's store, a slice posted through the API, then six
/// searches measured over HTTP beside the same searches written by hand in SQL against Kiln's
/// tables, each with its query plans.
///
/// ```swift
/// let report = try await SearchBenchmark(options: SearchBenchmarkOptions(scale: 0.005, seconds: 2)).run()
/// ```
///
/// Kiln runs in this process over a fresh database of the test cluster
/// (``KilnTesting/TestCluster``); the database is dropped at the end.
public struct SearchBenchmark: Sendable {
    /// The options of the run.
    public let options: SearchBenchmarkOptions
    private let output = BenchmarkOutput()

    /// A benchmark with `options`.
    public init(options: SearchBenchmarkOptions) {
        self.options = options
    }

    /// Runs every phase, prints the figures and, with `--json`, writes them; returns them.
    @discardableResult
    public func run() async throws -> SearchBenchmarkReport {
        try options.validate()
        let plan = SearchDataPlan(options: options)
        let printer = SearchReportPrinter(output: output)
        printer.header(options: options, plan: plan)
        // The indexer and the plans' compiler are built as the server builds them; the search
        // terminology only serves :in/:below-style modifiers, which these searches do not use.
        let search = SearchServices(catalog: try DefinitionsCatalog.loadDefault(), terminology: nil)
        var configuration = HTTPClient.Configuration()
        configuration.connectionPool.concurrentHTTP1ConnectionsPerHostSoftLimit = max(32, options.concurrencies.max() ?? 1, options.loaders)
        let httpClient = HTTPClient(eventLoopGroup: HTTPClient.defaultEventLoopGroup, configuration: configuration)
        let run = SearchRun(options: options, plan: plan, search: search, output: output)
        let database = Mutex<DatabaseConfiguration?>(nil)
        let report: SearchBenchmarkReport
        do {
            output.line("Starting an in-process Kiln over a fresh database of the test cluster in \(TestCluster.shared.dataDirectory)…")
            report = try await TestServer.run(databaseConnections: DatabaseConfiguration.defaultMaximumConnections) { server in
                database.withLock { $0 = server.database }
                return try await run.measure(server: server, httpClient: httpClient)
            }
            try await httpClient.shutdown()
        } catch {
            try? await httpClient.shutdown()
            // The test server drops its database only when its body succeeds.
            if let leftover = database.withLock({ $0 }) {
                try? await TestCluster.shared.dropDatabase(leftover)
            }
            throw error
        }
        printer.report(report)
        if let path = options.jsonPath {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
            try encoder.encode(report).write(to: URL(fileURLWithPath: path), options: .atomic)
            output.line("Figures and plans written to \(path)")
        }
        return report
    }
}
