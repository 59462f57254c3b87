import AsyncHTTPClient
import FHIRDefinitions
import Foundation
import KilnServer
import KilnTesting

/// The benchmark behind `kiln bench research`: what the de-identified research view costs.
/// In process, a typical Patient and Observation of the benchmark's data de-identified under
/// Safe Harbor and expert determination (resources per second on one task); over HTTP, on the
/// search benchmark's bulk-loaded data, the clinical read by id beside the research read by
/// pseudonym of the same Patients, and a code's page on both bases, in alternating rounds.
///
/// ```swift
/// let report = try await ResearchBenchmark(options: ResearchBenchmarkOptions(scale: 0.002, seconds: 0.5)).run()
/// report.comparisons[0].phases[0].p50Ratio   // research / clinical
/// ```
///
/// Kiln runs in this process with authorization on over a fresh database of the test cluster
/// (``KilnTesting/TestCluster``); the database is dropped at the end.
public struct ResearchBenchmark: Sendable {
    /// The path of the research base below the server's root.
    static let researchPath = "/research/fhir"

    /// The options of the run.
    public let options: ResearchBenchmarkOptions
    private let output = BenchmarkOutput()

    /// A benchmark with `options`.
    public init(options: ResearchBenchmarkOptions) {
        self.options = options
    }

    /// Runs both halves, prints the figures and, with `--json`, writes them; returns them.
    @discardableResult
    public func run() async throws -> ResearchBenchmarkReport {
        try options.validate()
        let plan = SearchDataPlan(options: options.search)
        output.line("Kiln research view benchmark")
        output.line(BuildConfiguration.isRelease
            ? "Build: release"
            : "Build: debug — these figures are NOT meaningful. Run: swift build -c release --product kiln && .build/release/kiln bench research")
        output.line("In process: \(DeidentificationThroughput.profiles.joined(separator: ", ")) on a Patient and an Observation, \(options.engineSeconds) s each on one task")
        output.line("Over HTTP: \(ReportTable.grouped(plan.bulkPatients)) patients of \(SearchDataPlan.resourcesPerPatient) resources (scale \(options.search.scale)); \(options.search.warmupSeconds) s warm-up + \(options.search.seconds) s measured per side in \(options.rounds) alternating rounds, at concurrency \(options.search.concurrencies.map(String.init).joined(separator: ", "))")
        output.line()
        output.line("De-identification in process:")
        let engine = try DeidentificationThroughput(seconds: options.engineSeconds, output: output).measure()
        output.line()
        let search = SearchServices(catalog: try DefinitionsCatalog.loadDefault(), terminology: nil)
        let run = ResearchBenchmarkRun(options: options, plan: plan, search: search, output: output)
        let figures = try await InProcessServer.run(connections: options.search.concurrencies.max() ?? 1, authorization: AuthSettings(), output: output) { server, httpClient in
            try await run.measure(server: server, httpClient: httpClient)
        }
        let report = ResearchBenchmarkReport(
            build: BuildConfiguration.name,
            commandLine: CommandLine.arguments.joined(separator: " "),
            machine: MachineFacts.current(),
            postgres: figures.postgres,
            scale: options.search.scale,
            patients: plan.bulkPatients,
            resources: plan.bulkResources,
            bulkLoad: figures.bulkLoad,
            vacuumSeconds: figures.vacuumSeconds,
            engineSeconds: options.engineSeconds,
            engine: engine,
            seconds: options.search.seconds,
            rounds: options.rounds,
            warmupSeconds: options.search.warmupSeconds,
            targetRatio: ResearchBenchmarkOptions.targetRatio,
            comparisons: figures.comparisons,
            notes: figures.notes + Self.notes(options: options)
        )
        ResearchReportPrinter(output: output).report(report)
        if let path = options.search.jsonPath {
            try InProcessServer.write(report, to: path, output: output)
        }
        return report
    }

    /// What every run's reader must know.
    static func notes(options: ResearchBenchmarkOptions) -> [String] {
        [
            "The in-process server runs WITH authorization: the clinical side is a system backend client (\(BenchmarkCallers.scope), no role, purpose TREAT), the research side a backend client of role researcher in project default (purpose HRESCH); both send a bearer token (ES256, checked on every request), got with their client secret from /auth/token.",
            "The research pseudonyms are computed as the view computes them: the default project's secret from research_project over each Patient's resource.rid; every research read is checked to return the Patient.",
            "Each comparison alternates its two sides in \(options.rounds) rounds of \(options.search.seconds / Double(options.rounds)) s per side (forward, then reverse order), both sides reading the same keys in each round, so a drift of the machine falls on both alike.",
            "The in-process loops de-identify already-parsed resources (no JSON parsing or serializing), with the shipped terminology's displays and keyed pseudonyms as the server makes them; one task, so resources/s is per core.",
        ]
    }
}
