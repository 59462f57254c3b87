import AsyncHTTPClient
import FHIRAccess
import FHIRDefinitions
import FHIRStore
import Foundation
import KilnServer
import KilnTesting
import Synchronization

/// The benchmark behind `kiln bench consent`: the search benchmark's million resources, a Consent
/// for one patient in ten (seven kinds in turn), then searches of a clinician (patient-scoped,
/// `$everything`) and of a system client (a code's page, its count), each measured over HTTP
/// with the caller's filter without and with its consent scope, and the cost of writing a
/// Consent beside writing an Observation. Kiln's statements are explained both ways.
///
/// ```swift
/// let report = try await ConsentBenchmark(options: ConsentBenchmarkOptions(scale: 0.005, seconds: 2)).run()
/// ```
///
/// Kiln runs in this process over a fresh database of the test cluster
/// (``KilnTesting/TestCluster``); the database is dropped at the end.
public struct ConsentBenchmark: Sendable {
    /// The options of the run.
    public let options: ConsentBenchmarkOptions
    private let output = BenchmarkOutput()

    /// A benchmark with `options`.
    public init(options: ConsentBenchmarkOptions) {
        self.options = options
    }

    /// Runs every phase, prints the figures and, with `--json`, writes them; returns them.
    @discardableResult
    public func run() async throws -> ConsentBenchmarkReport {
        try options.validate()
        let plan = SearchDataPlan(options: options.search)
        output.line("Kiln consent benchmark")
        output.line(BuildConfiguration.isRelease
            ? "Build: release"
            : "Build: debug — these figures are NOT meaningful. Run: swift build -c release --product kiln && .build/release/kiln bench consent")
        output.line("Data: \(ReportTable.grouped(plan.bulkPatients)) patients of \(SearchDataPlan.resourcesPerPatient) resources (scale \(options.search.scale)); \(Int(options.consentShare * 100))% of them hold a Consent")
        output.line("Searches: \(options.search.warmupSeconds) s warm-up + \(options.search.seconds) s measured without and with the consent check, at concurrency \(options.search.concurrencies.map(String.init).joined(separator: ", "))")
        output.line()
        let search = SearchServices(catalog: try DefinitionsCatalog.loadDefault(), terminology: nil)
        let access = SwitchingAccessController()
        let run = ConsentBenchmarkRun(options: options, plan: plan, search: search, access: access, output: output)
        let report = try await InProcessServer.run(connections: options.search.concurrencies.max() ?? 1, access: access, output: output) { server, httpClient in
            try await run.measure(server: server, httpClient: httpClient)
        }
        ConsentReportPrinter(output: output).report(report)
        if let path = options.search.jsonPath {
            try InProcessServer.write(report, to: path, output: output)
        }
        return report
    }
}
