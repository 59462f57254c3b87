import AsyncHTTPClient
import FHIRAccess
import FHIRModel
import FHIRSearch
import FHIRStore
import Foundation
import KilnServer
import KilnTesting
import Logging
import PostgresNIO

/// The consent benchmark against one in-process server: load, write the Consents, vacuum, then
/// measure every search without and with the consent check, explain both, and measure writes.
struct ConsentBenchmarkRun: Sendable {
    /// The options.
    let options: ConsentBenchmarkOptions
    /// What to load.
    let plan: SearchDataPlan
    /// The search services, built as the server builds them.
    let search: SearchServices
    /// The server's access, switched between phases.
    let access: SwitchingAccessController
    /// Where progress goes.
    let output: BenchmarkOutput

    /// Consents per store transaction while loading them.
    static let consentBatch = 500

    /// Runs everything against `server` and returns the report.
    func measure(server: TestServer, httpClient: HTTPClient) async throws -> ConsentBenchmarkReport {
        try await InProcessServer.withDatabaseClient(of: server, loaders: options.search.loaders, concurrencies: options.search.concurrencies) { client in
            try await measure(server: server, kilnClient: KilnClient(baseURL: server.baseURL, httpClient: httpClient), client: client)
        }
    }

    private func measure(server: TestServer, kilnClient: KilnClient, client: PostgresClient) async throws -> ConsentBenchmarkReport {
        let logger = Logger(label: "kiln.bench.consent")
        let store = ResourceStore(client: client, logger: logger)
        let postgres = try await PostgresBaseline(client: client, logger: logger).serverFacts()
        let indexer = search.indexer(baseURL: server.baseURL)
        var notes: [String] = []

        output.line("Bulk load: \(ReportTable.grouped(plan.bulkResources)) resources in \(ReportTable.grouped(plan.bulkBatches)) transactions with \(options.search.loaders) loaders…")
        let (bulk, facts, _) = try await BulkLoader(store: store, indexer: indexer, plan: plan).load(concurrency: options.search.loaders, output: output)
        output.line("Bulk load: \(String(format: "%.1f", bulk.seconds)) s, \(ReportTable.grouped(Int(bulk.resourcesPerSecond.rounded()))) resources/s")

        let step = max(1, Int((1 / options.consentShare).rounded()))
        let consenting = stride(from: 0, to: facts.patientIDs.count, by: step).map { facts.patientIDs[$0] }
        output.line("Consents: \(ReportTable.grouped(consenting.count)) patients (one in \(step)), seven kinds in turn…")
        let firstObservations = try await Self.firstObservations(of: consenting, client: client, logger: logger)
        let clock = ContinuousClock()
        let consentStarted = clock.now
        var byKind: [String: Int] = [:]
        for batchStart in stride(from: 0, to: consenting.count, by: Self.consentBatch) {
            let batch = consenting[batchStart..<min(batchStart + Self.consentBatch, consenting.count)]
            var resources: [JSONValue] = []
            for (offset, patientID) in zip(batch.indices, batch) {
                let kind = BenchmarkConsent.Kind.allCases[offset % BenchmarkConsent.Kind.allCases.count]
                byKind[kind.name, default: 0] += 1
                resources.append(try BenchmarkConsent.make(kind, patientID: patientID, observationID: firstObservations[patientID] ?? "none"))
            }
            let stamped = resources
            try await store.withTransaction { transaction in
                let instant = FHIRInstant.format(transaction.now)
                let versions = stamped.map { resource in
                    let id = ResourceIDGenerator.make()
                    let stored = StoredForm.stamped(resource, id: id, lastUpdated: instant)
                    return ResourceVersionWrite(resourceType: "Consent", id: id, versionID: 1, lastUpdated: transaction.now,
                                                method: .create, resource: stored, index: indexer.entries(for: stored))
                }
                try await transaction.write(versions)
            }
        }
        let consentSeconds = (clock.now - consentStarted).seconds
        output.line(String(format: "Consents: %.1f s", consentSeconds))
        let policyRows = try await Self.count("consent_policy", client: client, logger: logger)
        let provisionRows = try await Self.count("consent_provision", client: client, logger: logger)
        guard policyRows == consenting.count - (byKind[BenchmarkConsent.Kind.researchOptIn.name] ?? 0) || policyRows == consenting.count else {
            throw BenchmarkError.nothingToDo("consent_policy holds \(policyRows) rows for \(consenting.count) Consents")
        }

        output.line("VACUUM (ANALYZE)…")
        let vacuumSeconds = try await DatabaseMaintenance(client: client, logger: logger).vacuumAnalyze()

        let loadBefore = MachineFacts.loadAverage()
        var reports: [ConsentCaseReport] = []
        for benchmarkCase in try cases(facts: facts) {
            reports.append(try await run(benchmarkCase, kiln: KilnSearchTarget(client: kilnClient), store: store, baseURL: server.baseURL))
        }
        access.set(.unrestricted)
        let writes = try await measureWrites(facts: facts, step: step, client: kilnClient)
        notes.append("Load average (1 min) when the searches began: \(loadBefore); at the end: \(MachineFacts.loadAverage()).")
        notes.append("Each comparison alternates its two sides in \(options.rounds) rounds of \(options.search.seconds / Double(options.rounds)) s each (forward, then reverse order), every round reading the same keys on both sides, so a drift of the machine falls on both alike.")
        notes.append("'without' is the caller's filter (compartment or none) as Kiln compiles it for a caller with no consent scope (break-glass, a patient's own access); 'with' adds the caller's consent scope (purpose TREAT, its actors, default permit). The database holds the same Consents in both.")

        return ConsentBenchmarkReport(
            build: BuildConfiguration.name,
            commandLine: CommandLine.arguments.joined(separator: " "),
            machine: MachineFacts.current(),
            postgres: postgres,
            scale: options.search.scale,
            patients: plan.bulkPatients,
            resources: plan.bulkResources,
            bulkLoad: bulk,
            consentsByKind: byKind,
            consentLoadSeconds: consentSeconds,
            vacuumSeconds: vacuumSeconds,
            policyRows: policyRows,
            provisionRows: provisionRows,
            seconds: options.search.seconds,
            rounds: options.rounds,
            warmupSeconds: options.search.warmupSeconds,
            cases: reports,
            writes: writes,
            notes: notes
        )
    }

    /// The searches: a clinician's over their assigned patients, a system client's over everyone.
    private func cases(facts: DatasetFacts) throws -> [ConsentBenchmarkCase] {
        let assigned = Array(facts.patientIDs.prefix(options.assignedPatients))
        let assignedSet = Set(assigned)
        let clinician = AccessFilter.patientCompartment(patientIDs: assigned)
        let clinicianConsent = ConsentScope(purpose: "TREAT", actors: [BenchmarkConsent.clinician, BenchmarkConsent.organization], actions: ["access"], permitsByDefault: true)
        let system = AccessFilter.unrestricted
        let systemConsent = ConsentScope(purpose: "TREAT", actors: [BenchmarkConsent.organization, "identifier:urn:kiln:client-id|bench-etl"], actions: ["access"], permitsByDefault: true)
        let pairs = facts.recentCodes.filter { assignedSet.contains($0.patientID) }
        guard !pairs.isEmpty else { throw BenchmarkError.nothingToDo("No assigned patient has a result since \(CohortDate.searchFrom)") }
        let codes = LabTest.catalog.map(\.loinc)
        let clinicianName = "clinician assigned \(assigned.count) patients"
        return [
            ConsentBenchmarkCase(
                key: "clinician-patient-code-date", title: "Observation?patient=X&code=Y&date=ge\(CohortDate.searchFrom)", caller: clinicianName,
                parameters: "X, Y: one of \(pairs.count) assigned patients and a code it has a result of since \(CohortDate.searchFrom)",
                paths: pairs.map { "Observation?patient=\($0.patientID)&code=\($0.code)&date=ge\(CohortDate.searchFrom)" },
                minimumMatches: 0, without: clinician, with: clinician.consenting(clinicianConsent)
            ),
            ConsentBenchmarkCase(
                key: "clinician-everything", title: "Patient/X/$everything?_count=50", caller: clinicianName,
                parameters: "X: one of \(assigned.count) assigned patients",
                paths: assigned.map { "Patient/\($0)/$everything?_count=50" },
                minimumMatches: 0, allowsNotFound: true, without: clinician, with: clinician.consenting(clinicianConsent)
            ),
            ConsentBenchmarkCase(
                key: "system-code-page", title: "Observation?code=Y&_count=50", caller: "system client",
                parameters: "Y: one of \(codes.count) LOINC codes", paths: codes.map { "Observation?code=\($0)&_count=50" },
                minimumMatches: 1, without: system, with: system.consenting(systemConsent)
            ),
            ConsentBenchmarkCase(
                key: "system-code-count", title: "Observation?code=Y&_summary=count", caller: "system client",
                parameters: "Y: one of \(codes.count) LOINC codes", paths: codes.map { "Observation?code=\($0)&_summary=count" },
                minimumMatches: 0, without: system, with: system.consenting(systemConsent)
            ),
        ]
    }

    /// Measures one search without and with the consent check at each concurrency, and explains both.
    private func run(_ benchmarkCase: ConsentBenchmarkCase, kiln: KilnSearchTarget, store: ResourceStore, baseURL: String) async throws -> ConsentCaseReport {
        output.line()
        output.line("\(benchmarkCase.caller): \(benchmarkCase.title)  [\(benchmarkCase.parameters)]")
        let warmup = Duration.seconds(options.search.warmupSeconds)
        let duration = Duration.seconds(options.search.seconds)
        let expectation = SearchExpectation(minimumMatches: benchmarkCase.minimumMatches)
        let paths = benchmarkCase.paths
        let allowsNotFound = benchmarkCase.allowsNotFound
        var phases: [ConsentPhase] = []
        for concurrency in options.search.concurrencies {
            let access = access
            let figures = try await AlternatingReadDriver.run(
                variants: [benchmarkCase.without, benchmarkCase.with], rounds: options.rounds, concurrency: concurrency,
                warmup: warmup, duration: duration, keys: paths.count, prepare: { access.set($0) }
            ) { _, key in
                try await kiln.search(paths[key], expectation: expectation, allowingNotFound: allowsNotFound)
            }
            let phase = ConsentPhase(concurrency: concurrency, without: figures[0], with: figures[1])
            output.line("  c=\(concurrency): without p50 \(CaseRunner.ms(phase.without.latency.p50Milliseconds)) p99 \(CaseRunner.ms(phase.without.latency.p99Milliseconds)); with p50 \(CaseRunner.ms(phase.with.latency.p50Milliseconds)) p99 \(CaseRunner.ms(phase.with.latency.p99Milliseconds)); ratio p50 \(CaseRunner.ratio(phase.p50Ratio)) p99 \(CaseRunner.ratio(phase.p99Ratio))")
            phases.append(phase)
        }
        let representative = benchmarkCase.representative
        let planWithout = try await explain(representative, filter: benchmarkCase.without, role: "without consent", store: store, baseURL: baseURL)
        let planWith = try await explain(representative, filter: benchmarkCase.with, role: "with consent", store: store, baseURL: baseURL)
        output.line("  plan without: \(planWithout.summary.text)")
        output.line("  plan with:    \(planWith.summary.text)")
        return ConsentCaseReport(
            key: benchmarkCase.key, title: benchmarkCase.title, caller: benchmarkCase.caller, parameters: benchmarkCase.parameters,
            representativeRequest: representative, phases: phases, planWithout: planWithout, planWith: planWith
        )
    }

    /// Kiln's statement for `path` under `filter` (the page, or the count for `_summary=count`), explained.
    private func explain(_ path: String, filter: AccessFilter, role: String, store: ResourceStore, baseURL: String) async throws -> ExplainedStatement {
        let parts = path.split(separator: "?", maxSplits: 1).map(String.init)
        let parameters = parts.count > 1 ? QueryParameter.parse(parts[1]) : []
        let parser = search.parser(baseURL: baseURL, pageSizes: ServerLimits.default)
        let compiler = search.compiler(baseURL: baseURL)
        let statement: SQLStatement
        if parts[0].hasSuffix("/$everything") {
            let patientID = String(parts[0].dropFirst("Patient/".count).dropLast("/$everything".count))
            statement = compiler.page(try parser.parseEverything(patientID: patientID, parameters: parameters), filter: filter)
        } else {
            let query = try parser.parse(resourceType: parts[0], parameters: parameters)
            statement = query.summary == .count ? compiler.count(query, filter: filter) : compiler.page(query, filter: filter)
        }
        let lines = try await store.explain(statement, analyze: true).split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        return ExplainedStatement(role: role, statement: statement, lines: lines)
    }

    /// `POST Observation` beside `POST Consent` (a nested deny of one practitioner) for patients
    /// without a Consent, at each concurrency.
    private func measureWrites(facts: DatasetFacts, step: Int, client: KilnClient) async throws -> [ConsentWritePhase] {
        let patients = facts.patientIDs.indices.filter { $0 % step != 0 }.prefix(1000).map { facts.patientIDs[$0] }
        guard !patients.isEmpty else { return [] }
        output.line()
        output.line("Writes: POST Observation beside POST Consent, for \(patients.count) patients without a Consent")
        let warmup = Duration.seconds(options.search.warmupSeconds)
        let duration = Duration.seconds(options.search.seconds)
        var phases: [ConsentWritePhase] = []
        for concurrency in options.search.concurrencies {
            let figures = try await AlternatingReadDriver.run(
                variants: ["Observation", "Consent"], rounds: options.rounds, concurrency: concurrency,
                warmup: warmup, duration: duration, keys: patients.count, prepare: { _ in }
            ) { type, key in
                let resource = type == "Consent"
                    ? try BenchmarkConsent.make(.denyPractitioner, patientID: patients[key], observationID: "none")
                    : CohortObservation.make(index: 90_000_000 + key, subject: "Patient/\(patients[key])").resource
                try await Self.create(type, resource, client: client)
            }
            let (observation, consent) = (figures[0], figures[1])
            let phase = ConsentWritePhase(concurrency: concurrency, observation: observation, consent: consent)
            output.line("  c=\(concurrency): Observation p50 \(CaseRunner.ms(observation.latency.p50Milliseconds)) p99 \(CaseRunner.ms(observation.latency.p99Milliseconds)); Consent p50 \(CaseRunner.ms(consent.latency.p50Milliseconds)) p99 \(CaseRunner.ms(consent.latency.p99Milliseconds)); ratio p50 \(CaseRunner.ratio(phase.p50Ratio)) p99 \(CaseRunner.ratio(phase.p99Ratio))")
            phases.append(phase)
        }
        return phases
    }

    private static func create(_ type: String, _ resource: JSONValue, client: KilnClient) async throws {
        let response = try await client.post(type, json: resource)
        guard response.status == 201 else {
            throw BenchmarkError.unexpectedResponse(request: "POST \(type)", status: response.status, body: response.text)
        }
    }

    /// The first Observation of each patient, by patient id.
    static func firstObservations(of patientIDs: [String], client: PostgresClient, logger: Logger) async throws -> [String: String] {
        var bindings = PostgresBindings()
        bindings.append(patientIDs)
        let query = PostgresQuery(unsafeSQL: """
            SELECT DISTINCT ON (c.patient_id) c.patient_id, r.id FROM search_compartment c JOIN resource r ON r.rid = c.rid
            WHERE c.patient_id = ANY($1) AND r.resource_type = 'Observation' ORDER BY c.patient_id, r.rid
            """, binds: bindings)
        var result: [String: String] = [:]
        for try await (patient, observation) in try await client.query(query, logger: logger).decode((String, String).self) {
            result[patient] = observation
        }
        return result
    }

    private static func count(_ table: String, client: PostgresClient, logger: Logger) async throws -> Int {
        for try await count in try await client.query(PostgresQuery(unsafeSQL: "SELECT count(*) FROM \(table)"), logger: logger).decode(Int64.self) {
            return Int(count)
        }
        return 0
    }
}
