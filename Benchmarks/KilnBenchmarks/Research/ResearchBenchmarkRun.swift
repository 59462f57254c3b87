import AsyncHTTPClient
import FHIRStore
import Foundation
import KilnServer
import KilnTesting
import Logging
import PostgresNIO

/// The HTTP half of the research benchmark against one in-process server with authorization
/// on: load, vacuum, register the two callers, compute the Patients' pseudonyms, then measure
/// every comparison, clinical and research alternating.
struct ResearchBenchmarkRun: Sendable {
    /// The two sides of a comparison.
    enum Side: Sendable {
        /// `/fhir` as the system client.
        case clinical
        /// `/research/fhir` as the researcher.
        case research
    }

    /// The options.
    let options: ResearchBenchmarkOptions
    /// What to load.
    let plan: SearchDataPlan
    /// The search services, built as the server builds them.
    let search: SearchServices
    /// Where progress goes.
    let output: BenchmarkOutput

    /// Runs everything against `server`; returns the load figures, the vacuum's seconds, the
    /// PostgreSQL facts and the comparisons.
    func measure(server: TestServer, httpClient: HTTPClient) async throws -> ResearchHTTPFigures {
        try await InProcessServer.withDatabaseClient(of: server, loaders: options.search.loaders, concurrencies: options.search.concurrencies) { client in
            try await measure(server: server, kilnClient: KilnClient(baseURL: server.baseURL, httpClient: httpClient), client: client)
        }
    }

    /// The run, with a client of the server's database.
    private func measure(server: TestServer, kilnClient: KilnClient, client: PostgresClient) async throws -> ResearchHTTPFigures {
        let logger = Logger(label: "kiln.bench.research")
        let store = ResourceStore(client: client, logger: logger)
        let postgres = try await PostgresBaseline(client: client, logger: logger).serverFacts()
        output.line("Bulk load: \(ReportTable.grouped(plan.bulkResources)) resources in \(ReportTable.grouped(plan.bulkBatches)) transactions with \(options.search.loaders) loaders…")
        let (bulk, facts, _) = try await BulkLoader(store: store, indexer: search.indexer(baseURL: server.baseURL), plan: plan)
            .load(concurrency: options.search.loaders, output: output)
        output.line("Bulk load: \(String(format: "%.1f", bulk.seconds)) s, \(ReportTable.grouped(Int(bulk.resourcesPerSecond.rounded()))) resources/s")
        output.line("VACUUM (ANALYZE)…")
        let vacuumSeconds = try await DatabaseMaintenance(client: client, logger: logger).vacuumAnalyze()

        let serverURL = server.baseURL.hasSuffix("/fhir") ? String(server.baseURL.dropLast("/fhir".count)) : server.baseURL
        let callers = try await BenchmarkCallers.register(database: client, client: kilnClient, serverURL: serverURL)
        let pseudonyms = try await ResearchPseudonyms.of(patientIDs: facts.patientIDs, store: store, client: client, logger: logger)
        output.line("Callers: a system client (\(BenchmarkCallers.scope)) on /fhir and a researcher of project default on /research/fhir, each with its own bearer token; \(ReportTable.grouped(pseudonyms.count)) Patient pseudonyms computed")

        let target = ResearchReadTarget(client: kilnClient)
        let researchBase = serverURL + ResearchBenchmark.researchPath
        let loadBefore = MachineFacts.loadAverage()
        var comparisons: [ResearchComparisonReport] = []
        for benchmarkCase in Self.cases(patientIDs: facts.patientIDs, pseudonyms: pseudonyms) {
            comparisons.append(try await run(benchmarkCase, target: target, researchBase: researchBase, callers: callers))
        }
        let notes = [
            "Load average (1 min) when the comparisons began: \(loadBefore); at the end: \(MachineFacts.loadAverage()).",
        ]
        return ResearchHTTPFigures(postgres: postgres, bulkLoad: bulk, vacuumSeconds: vacuumSeconds, comparisons: comparisons, notes: notes)
    }

    /// The comparisons: a read by id beside the read by pseudonym of the same Patients, and a
    /// code's first page on both bases.
    static func cases(patientIDs: [String], pseudonyms: [String]) -> [ResearchBenchmarkCase] {
        let codes = LabTest.catalog.map(\.loinc)
        return [
            ResearchBenchmarkCase(
                key: "patient-read", clinicalTitle: "GET /fhir/Patient/{id}", researchTitle: "GET /research/fhir/Patient/{pseudonym}",
                parameters: "one of \(patientIDs.count) Patients, the same on both sides",
                clinicalPaths: patientIDs.map { "Patient/\($0)" }, researchPaths: pseudonyms.map { "Patient/\($0)" },
                expectation: .resource("Patient")
            ),
            ResearchBenchmarkCase(
                key: "observation-code-page", clinicalTitle: "GET /fhir/Observation?code=Y&_count=50", researchTitle: "GET /research/fhir/Observation?code=Y&_count=50",
                parameters: "Y: one of \(codes.count) LOINC codes, the same on both sides",
                clinicalPaths: codes.map { "Observation?code=\($0)&_count=50" }, researchPaths: codes.map { "Observation?code=\($0)&_count=50" },
                expectation: .searchset(minimumMatches: 1)
            ),
        ]
    }

    /// Measures one comparison at each concurrency, the two sides alternating over the same keys.
    private func run(_ benchmarkCase: ResearchBenchmarkCase, target: ResearchReadTarget, researchBase: String, callers: BenchmarkCallers) async throws -> ResearchComparisonReport {
        output.line()
        output.line("\(benchmarkCase.clinicalTitle) beside \(benchmarkCase.researchTitle)  [\(benchmarkCase.parameters)]")
        let clinical = benchmarkCase.clinicalPaths
        let research = benchmarkCase.researchPaths.map { researchBase + "/" + $0 }
        let expectation = benchmarkCase.expectation
        var phases: [ResearchPhase] = []
        for concurrency in options.search.concurrencies {
            let figures = try await AlternatingReadDriver.run(
                variants: [Side.clinical, Side.research], rounds: options.rounds, concurrency: concurrency,
                warmup: .seconds(options.search.warmupSeconds), duration: .seconds(options.search.seconds), keys: clinical.count,
                prepare: { _ in try await callers.refreshIfOld() }
            ) { side, key in
                switch side {
                case .clinical: try await target.get(clinical[key], headers: callers.clinicalHeaders, expectation: expectation)
                case .research: try await target.get(research[key], headers: callers.researchHeaders, expectation: expectation)
                }
            }
            let phase = ResearchPhase(concurrency: concurrency, clinical: figures[0], research: figures[1])
            output.line("  c=\(concurrency): clinical p50 \(CaseRunner.ms(phase.clinical.latency.p50Milliseconds)) p99 \(CaseRunner.ms(phase.clinical.latency.p99Milliseconds)); research p50 \(CaseRunner.ms(phase.research.latency.p50Milliseconds)) p99 \(CaseRunner.ms(phase.research.latency.p99Milliseconds)); ratio p50 \(CaseRunner.ratio(phase.p50Ratio)) p99 \(CaseRunner.ratio(phase.p99Ratio))")
            phases.append(phase)
        }
        return ResearchComparisonReport(
            key: benchmarkCase.key, clinical: benchmarkCase.clinicalTitle, research: benchmarkCase.researchTitle,
            parameters: benchmarkCase.parameters, phases: phases
        )
    }
}
