import AsyncHTTPClient
import FHIRStore
import Foundation
import KilnServer
import KilnTesting
import Logging
import PostgresNIO

/// The search benchmark against one in-process server: load, vacuum, then for every search check
/// that Kiln and the hand-written SQL agree, measure both at each concurrency, and explain both.
struct SearchRun: Sendable {
    /// The options.
    let options: SearchBenchmarkOptions
    /// What to load.
    let plan: SearchDataPlan
    /// The search services, built as the server builds them.
    let search: SearchServices
    /// Where progress goes.
    let output: BenchmarkOutput

    /// Runs everything against `server` and returns the report.
    func measure(server: TestServer, httpClient: HTTPClient) async throws -> SearchBenchmarkReport {
        try await InProcessServer.withDatabaseClient(of: server, loaders: options.loaders, concurrencies: options.concurrencies) { client in
            try await measure(server: server, kilnClient: KilnClient(baseURL: server.baseURL, httpClient: httpClient), client: client)
        }
    }

    private func measure(server: TestServer, kilnClient: KilnClient, client: PostgresClient) async throws -> SearchBenchmarkReport {
        let logger = Logger(label: "kiln.bench.search")
        let store = ResourceStore(client: client, logger: logger)
        let postgres = try await PostgresBaseline(client: client, logger: logger).serverFacts()
        var notes: [String] = []

        output.line("Bulk load: \(ReportTable.grouped(plan.bulkResources)) resources in \(ReportTable.grouped(plan.bulkBatches)) transactions with \(options.loaders) loaders…")
        let loader = BulkLoader(store: store, indexer: search.indexer(baseURL: server.baseURL), plan: plan)
        let loadAtStart = MachineFacts.loadAverage()
        let (bulk, facts, split) = try await loader.load(concurrency: options.loaders, output: output)
        notes.append("Load average (1 min) when the bulk load began: \(loadAtStart); when it ended: \(MachineFacts.loadAverage()).")
        output.line("Bulk load: \(String(format: "%.1f", bulk.seconds)) s, \(ReportTable.grouped(Int(bulk.resourcesPerSecond.rounded()))) resources/s")
        notes.append(String(
            format: "Bulk loaders' time: %.0f%% generating documents, %.0f%% index extraction, %.0f%% in the database transaction.",
            split.generateSeconds / split.totalSeconds * 100, split.indexSeconds / split.totalSeconds * 100, split.writeSeconds / split.totalSeconds * 100
        ))

        var api: LoadFigures?
        if plan.apiPatients > 0 {
            output.line("API ingest: \(ReportTable.grouped(plan.apiResources)) resources in \(plan.apiBundles) transaction Bundles over HTTP with \(options.loaders) loaders…")
            let figures = try await APIIngest(target: KilnTarget(client: kilnClient), plan: plan).load(concurrency: options.loaders, output: output)
            output.line("API ingest: \(String(format: "%.1f", figures.seconds)) s, \(ReportTable.grouped(Int(figures.resourcesPerSecond.rounded()))) resources/s")
            api = figures
        }

        let maintenance = DatabaseMaintenance(client: client, logger: logger)
        output.line("VACUUM (ANALYZE)…")
        let vacuumSeconds = try await maintenance.vacuumAnalyze()
        let sizes = try await maintenance.sizes()
        output.line("VACUUM (ANALYZE): \(String(format: "%.1f", vacuumSeconds)) s; database \(Self.gigabytes(sizes.databaseBytes))")

        let runner = CaseRunner(
            options: options,
            kiln: KilnSearchTarget(client: kilnClient),
            kilnClient: kilnClient,
            sql: SQLSearchTarget(client: client, logger: logger),
            explainer: PlanExplainer(store: store, search: search, baseURL: server.baseURL),
            output: output
        )
        let loadBefore = MachineFacts.loadAverage()
        var reports: [SearchCaseReport] = []
        for searchCase in try SearchCaseCatalog.cases(facts: facts) {
            reports.append(try await runner.run(searchCase))
        }
        output.line("Following next links of Observation?code=Y&_count=\(SearchCaseCatalog.pagedCount) up to page \(options.deepPage)…")
        var walks: [PageWalk] = []
        for test in LabTest.catalog {
            if let walk = try await PageWalk.walk(code: test.loinc, pageSize: SearchCaseCatalog.pagedCount, depth: options.deepPage, client: kilnClient) {
                walks.append(walk)
            }
        }
        if let shallowest = walks.map(\.deep.number).min(), shallowest < options.deepPage {
            notes.append("The deep page is page \(shallowest)–\(walks.map(\.deep.number).max() ?? shallowest), not \(options.deepPage): the data has fewer pages per code at this scale.")
        }
        for searchCase in try SearchCaseCatalog.pages(walks) {
            reports.append(try await runner.run(searchCase))
        }
        notes.append("Load average (1 min) when the searches began: \(loadBefore); when they ended: \(MachineFacts.loadAverage()). Above the number of cores, other work competed for them.")
        for report in reports where !report.agreement.agreed {
            notes.append("MISMATCH in \(report.title): \(report.agreement.difference ?? "rows differ")")
        }
        notes.append("The in-process Kiln's database pool had \(server.database.maximumConnections) connections, as `kiln serve` has by default; the SQL baseline had one per concurrent client.")

        let observations = (plan.bulkPatients + plan.apiPatients) * SearchDataPlan.observationsPerPatient
        return SearchBenchmarkReport(
            build: BuildConfiguration.name,
            commandLine: CommandLine.arguments.joined(separator: " "),
            machine: MachineFacts.current(),
            postgres: postgres,
            scale: options.scale,
            data: SearchDataFigures(
                patients: plan.bulkPatients + plan.apiPatients,
                observations: observations,
                diagnosticReports: (plan.bulkPatients + plan.apiPatients) * SearchDataPlan.reportsPerPatient,
                bulkResources: plan.bulkResources,
                apiResources: plan.apiResources,
                databaseBytes: sizes.databaseBytes,
                tables: sizes.tables
            ),
            bulkLoad: bulk,
            bulkBatchResources: plan.bulkPatientsPerBatch * SearchDataPlan.resourcesPerPatient,
            bulkTimeSplit: split,
            apiIngest: api,
            vacuumSeconds: vacuumSeconds,
            seconds: options.seconds,
            warmupSeconds: options.warmupSeconds,
            kilnPoolConnections: server.database.maximumConnections,
            cases: reports,
            notes: notes
        )
    }

    /// `bytes` in GB with one decimal.
    static func gigabytes(_ bytes: Int) -> String {
        String(format: "%.1f GB", Double(bytes) / 1e9)
    }
}
