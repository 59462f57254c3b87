import Foundation

/// Prints the FHIRPath benchmark's progress and report as aligned text.
struct FHIRPathReportPrinter: Sendable {
    /// The most errors or differences printed per list; `--json` has the full lists.
    static let maximumListedItems = 8

    /// Where the lines go.
    let output: BenchmarkOutput

    /// The title and the build: figures of a debug build are not meaningful.
    func header(_ options: FHIRPathBenchmarkOptions) {
        output.line("Kiln FHIRPath benchmark")
        if BuildConfiguration.isRelease {
            output.line("Build: release")
        } else {
            output.line("Build: debug — these figures are NOT meaningful. Run: swift build -c release --product kiln && .build/release/kiln bench fhirpath")
        }
        output.line("Examples: \(URL(fileURLWithPath: options.examplesDirectory).standardizedFileURL.path)")
    }

    /// The workload per resource type, and the expressions Kiln did not parse.
    func workload(_ workload: FHIRPathWorkload) {
        output.line()
        output.line("Workload: every R4 search parameter expression of each type (its branch for that type) × every example resource of that type")
        var rows = [["type", "expressions", "resources", "pairs"]]
        for type in workload.resourceTypes {
            rows.append([
                type,
                ReportTable.grouped(workload.expressions.count { $0.resourceType == type }),
                ReportTable.grouped(workload.resources.count { $0.resourceType == type }),
                ReportTable.grouped(workload.pairCount(of: type)),
            ])
        }
        rows.append(["total", ReportTable.grouped(workload.expressions.count), ReportTable.grouped(workload.resources.count), ReportTable.grouped(workload.pairs.count)])
        for line in Self.table(rows) { output.line("  " + line) }
        output.line("Expressions Kiln did not parse (left out): \(workload.parseFailures.count)")
        for failure in workload.parseFailures.prefix(Self.maximumListedItems) {
            output.line("  \(failure.resourceType) \(failure.code): \(failure.expression) — \(failure.message)")
        }
        if workload.parametersWithoutExpression > 0 {
            output.line("Search parameters without an expression (not evaluated): \(workload.parametersWithoutExpression)")
        }
    }

    /// The unmeasured pass of Kiln over every pair.
    func kilnCheck(_ check: KilnEvaluationCheck, pairs: Int) {
        output.line()
        output.line("Kiln: one unmeasured pass over \(ReportTable.grouped(pairs)) pairs in \(String(format: "%.2f", check.seconds)) s; \(check.failureCount) raised an error")
        for failure in check.failures.prefix(Self.maximumListedItems) {
            output.line("  \(failure.resourceType) \(failure.code) on \(failure.resource): \(failure.message)")
        }
    }

    /// The comparison table, the scaling, the agreement and the notes.
    func results(_ report: FHIRPathBenchmarkReport) {
        output.line()
        output.line("Results (\(report.build) build; evaluations per second, higher is better; \(report.seconds) s measured after \(report.warmupSeconds) s warm-up)")
        output.line("Measured pairs: \(ReportTable.grouped(report.measuredPairs)) of \(ReportTable.grouped(report.workload.pairs)) (\(report.fhirpathpy == nil ? "those Kiln evaluated without error" : "those both engines evaluated without error"))")
        output.line()
        let python = report.fhirpathpy?.singleThread.evaluationsPerSecond
        var rows = [["figure", "Kiln", "fhirpathpy", "Kiln/fhirpathpy"]]
        rows.append([
            "evaluations/s, 1 thread",
            ReportTable.grouped(Int(report.kiln.singleThread.evaluationsPerSecond.rounded())),
            python.map { ReportTable.grouped(Int($0.rounded())) } ?? "–",
            report.ratio.map { String(format: "%.1f×", $0) } ?? "–",
        ])
        rows.append([
            "evaluations/s, \(report.workers) workers",
            ReportTable.grouped(Int(report.kiln.allWorkers.evaluationsPerSecond.rounded())),
            "–",
            "–",
        ])
        for line in Self.table(rows) { output.line(line) }
        output.line()
        if let scaling = report.kiln.scaling {
            output.line("Scaling: \(report.workers) workers sharing the compiled expressions give \(String(format: "%.2f", scaling))× one thread (\(report.activeProcessors) active processors).")
        }
        output.line(
            "Cores kept busy (CPU seconds per second): Kiln 1 thread \(Self.cores(report.kiln.singleThread)), \(report.workers) workers \(Self.cores(report.kiln.allWorkers))"
                + (report.fhirpathpy.map { "; fhirpathpy \(Self.cores($0.singleThread))" } ?? "")
        )
        if let python = report.fhirpathpy {
            output.line("fhirpathpy \(python.version) on Python \(python.python), model \(python.model ?? "none"), \(python.mode == "compile" ? "each expression compiled once" : "parsed at each evaluation"); \(python.compileFailures) expressions it could not compile, \(python.evaluationFailures) pairs it could not evaluate")
            for error in python.compileErrors.prefix(Self.maximumListedItems) {
                output.line("  compile \(error.resourceType) \(error.code): \(Self.shortened(error.message))")
            }
            for error in python.evaluationErrors.prefix(Self.maximumListedItems) {
                output.line("  \(error.resourceType) \(error.code) on \(error.resource ?? "?"): \(Self.shortened(error.message))")
            }
        } else if let reason = report.fhirpathpySkipped {
            output.line("fhirpathpy was NOT measured: \(reason)")
        }
        if let agreement = report.agreement {
            agreements(agreement)
        }
        for note in report.notes {
            output.line("Note: \(note)")
        }
    }

    private func agreements(_ agreement: ResultAgreement) {
        let share = agreement.bothEvaluated > 0 ? 100 * Double(agreement.sameCount) / Double(agreement.bothEvaluated) : 0
        output.line()
        output.line("Agreement (same number of results; a sanity check, not a conformance claim): \(ReportTable.grouped(agreement.sameCount)) of \(ReportTable.grouped(agreement.bothEvaluated)) pairs evaluated by both (\(String(format: "%.1f", share))%); evaluated only by Kiln: \(agreement.onlyKiln), only by fhirpathpy: \(agreement.onlyFhirpathpy)")
        if agreement.differingExpressions > 0 {
            output.line("Expressions whose counts differ: \(agreement.differingExpressions); the first \(min(agreement.differingExpressions, Self.maximumListedItems)) (differing pairs, first resource: Kiln vs fhirpathpy):")
        }
        for difference in agreement.differences.prefix(Self.maximumListedItems) {
            output.line("  \(difference.resourceType) \(difference.code) (\(difference.pairs)): \(difference.expression) — \(difference.firstResource): \(difference.kiln) vs \(difference.fhirpathpy)")
        }
    }

    /// Cores busy with two decimals.
    static func cores(_ throughput: FHIRPathThroughput) -> String {
        String(format: "%.2f", throughput.coresBusy)
    }

    /// A message cut to one readable line (Python's messages can hold whole collections).
    static func shortened(_ message: String) -> String {
        let line = message.split(separator: "\n", omittingEmptySubsequences: false).first.map(String.init) ?? message
        return line.count > 120 ? line.prefix(120) + "…" : line
    }

    /// Rows as lines with aligned columns: the first left-aligned, the others right-aligned.
    static func table(_ rows: [[String]]) -> [String] {
        let columns = rows.map(\.count).max() ?? 0
        let widths = (0..<columns).map { column in rows.map { column < $0.count ? $0[column].count : 0 }.max() ?? 0 }
        return rows.map { cells in
            cells.enumerated().map { column, text in
                let padding = String(repeating: " ", count: widths[column] - text.count)
                return column == 0 ? text + padding : padding + text
            }.joined(separator: "   ")
        }
    }
}
