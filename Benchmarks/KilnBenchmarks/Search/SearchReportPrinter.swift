import Foundation

/// The search benchmark's console output: the header before the run, and the figures after it.
struct SearchReportPrinter: Sendable {
    /// Where lines go.
    let output: BenchmarkOutput

    /// What is about to run.
    func header(options: SearchBenchmarkOptions, plan: SearchDataPlan) {
        output.line("Kiln search benchmark")
        if BuildConfiguration.isRelease {
            output.line("Build: release")
        } else {
            output.line("Build: debug — these figures are NOT meaningful. Run: swift build -c release --product kiln && .build/release/kiln bench search")
        }
        output.line("Data: \(ReportTable.grouped(plan.bulkPatients + plan.apiPatients)) patients, each with \(SearchDataPlan.observationsPerPatient) Observations and \(SearchDataPlan.reportsPerPatient) DiagnosticReports (scale \(options.scale))")
        output.line("  bulk: \(ReportTable.grouped(plan.bulkResources)) resources through the store, \(plan.bulkPatientsPerBatch * SearchDataPlan.resourcesPerPatient) per transaction, \(options.loaders) loaders")
        output.line("  API: \(ReportTable.grouped(plan.apiResources)) resources as transaction Bundles of \(SearchDataPlan.apiPatientsPerBundle * SearchDataPlan.resourcesPerPatient) entries over HTTP, \(options.loaders) loaders")
        output.line("Searches: \(options.warmupSeconds) s warm-up + \(options.seconds) s measured per system at concurrency \(options.concurrencies.map(String.init).joined(separator: ", ")); Kiln over HTTP, hand-written SQL over postgres-nio")
        output.line()
    }

    /// The figures of `report`.
    func report(_ report: SearchBenchmarkReport) {
        let machine = report.machine
        output.line()
        output.line("Results (\(report.build) build)")
        output.line("Machine: \(machine.processor), \(machine.cores) cores, \(machine.memoryGiB) GiB; \(report.postgres.version.split(separator: " ").prefix(2).joined(separator: " ")), shared_buffers \(report.postgres.sharedBuffers), fsync \(report.postgres.fsync), synchronous_commit \(report.postgres.synchronousCommit)")
        output.line("Data: \(ReportTable.grouped(report.data.resources)) resources (\(ReportTable.grouped(report.data.patients)) Patients, \(ReportTable.grouped(report.data.observations)) Observations, \(ReportTable.grouped(report.data.diagnosticReports)) DiagnosticReports); database \(SearchRun.gigabytes(report.data.databaseBytes))")
        for table in report.data.tables {
            output.line("  \(table.name): \(ReportTable.grouped(table.rows)) rows, \(SearchRun.gigabytes(table.bytes))")
        }
        output.line()
        output.line(loadLine("Bulk load (store, \(report.bulkBatchResources)/transaction)", report.bulkLoad))
        if let api = report.apiIngest {
            output.line(loadLine("API ingest (HTTP transaction Bundles)", api))
        }
        output.line(String(format: "VACUUM (ANALYZE) after loading: %.1f s", report.vacuumSeconds))
        output.line()
        output.line("Search latency in ms, measured by the client; ratio = Kiln / hand-written SQL (lower is better for Kiln)")
        for line in latencyTable(report.cases) { output.line(line) }
        output.line()
        output.line("Plans (EXPLAIN (ANALYZE, BUFFERS) of the representative request; full plans in --json)")
        for searchCase in report.cases {
            output.line("\(searchCase.title): \(searchCase.representativeRequest)")
            for statement in searchCase.kilnStatements + [searchCase.handWritten] {
                output.line("  \(statement.role): \(statement.summary.text)")
            }
        }
        if !report.notes.isEmpty {
            output.line()
            for note in report.notes { output.line("Note: \(note)") }
        }
    }

    private func loadLine(_ label: String, _ figures: LoadFigures) -> String {
        "\(label): \(ReportTable.grouped(figures.resources)) resources in \(String(format: "%.1f", figures.seconds)) s = \(ReportTable.grouped(Int(figures.resourcesPerSecond.rounded()))) resources/s (\(figures.concurrency) loaders; batch p50 \(ReportTable.format(figures.batchLatency.p50Milliseconds, higherIsBetter: false)) ms, p99 \(ReportTable.format(figures.batchLatency.p99Milliseconds, higherIsBetter: false)) ms)"
    }

    /// The latency table's lines, columns aligned.
    func latencyTable(_ cases: [SearchCaseReport]) -> [String] {
        let header = ["search", "c", "Kiln p50", "Kiln p99", "SQL p50", "SQL p99", "p50 ratio", "p99 ratio", "Kiln/s", "SQL/s"]
        var rows = [header]
        for (number, searchCase) in cases.enumerated() {
            for phase in searchCase.phases {
                rows.append([
                    "\(number + 1). \(searchCase.title)",
                    String(phase.concurrency),
                    ReportTable.format(phase.kiln.latency.p50Milliseconds, higherIsBetter: false),
                    ReportTable.format(phase.kiln.latency.p99Milliseconds, higherIsBetter: false),
                    ReportTable.format(phase.sql.latency.p50Milliseconds, higherIsBetter: false),
                    ReportTable.format(phase.sql.latency.p99Milliseconds, higherIsBetter: false),
                    CaseRunner.ratio(phase.p50Ratio),
                    CaseRunner.ratio(phase.p99Ratio),
                    ReportTable.grouped(Int(phase.kiln.requestsPerSecond.rounded())),
                    ReportTable.grouped(Int(phase.sql.requestsPerSecond.rounded())),
                ])
            }
        }
        let widths = (0..<header.count).map { column in rows.map { $0[column].count }.max() ?? 0 }
        return rows.map { cells in
            cells.enumerated().map { column, text in
                let padding = String(repeating: " ", count: widths[column] - text.count)
                return column == 0 ? text + padding : padding + text
            }.joined(separator: "  ")
        }
    }
}
