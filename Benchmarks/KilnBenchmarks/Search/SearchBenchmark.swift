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
        let run = SearchRun(options: options, plan: plan, search: search, output: output)
        let report = try await InProcessServer.run(connections: max(options.concurrencies.max() ?? 1, options.loaders), output: output) { server, httpClient in
            try await run.measure(server: server, httpClient: httpClient)
        }
        printer.report(report)
        if let path = options.jsonPath {
            try InProcessServer.write(report, to: path, output: output)
        }
        return report
    }
}
