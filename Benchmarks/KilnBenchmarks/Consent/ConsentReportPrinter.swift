import Foundation

/// The consent benchmark's closing figures.
struct ConsentReportPrinter: Sendable {
    /// Where lines go.
    let output: BenchmarkOutput

    /// The figures of `report`.
    func report(_ report: ConsentBenchmarkReport) {
        let machine = report.machine
        output.line()
        output.line("Results (\(report.build) build)")
        output.line("Machine: \(machine.processor), \(machine.cores) cores, \(machine.memoryGiB) GiB; \(report.postgres.version.split(separator: " ").prefix(2).joined(separator: " ")), fsync \(report.postgres.fsync)")
        output.line("Data: \(ReportTable.grouped(report.resources)) resources of \(ReportTable.grouped(report.patients)) patients; \(ReportTable.grouped(report.consentsByKind.values.reduce(0, +))) Consents (\(report.consentsByKind.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }.joined(separator: ", "))) → \(ReportTable.grouped(report.policyRows)) consent_policy rows, \(ReportTable.grouped(report.provisionRows)) consent_provision rows")
        output.line(String(format: "Bulk load %.1f s; Consents through the store %.1f s; VACUUM (ANALYZE) %.1f s", report.bulkLoad.seconds, report.consentLoadSeconds, report.vacuumSeconds))
        output.line()
        output.line("Search latency in ms, measured by the client; ratio = with the consent check / without (≤ 1.2 is the target)")
        output.line("search | caller | c | p50 without | p50 with | ratio | p99 without | p99 with | ratio")
        for searchCase in report.cases {
            for phase in searchCase.phases {
                output.line("\(searchCase.title) | \(searchCase.caller) | \(phase.concurrency) | \(Self.ms(phase.without.latency.p50Milliseconds)) | \(Self.ms(phase.with.latency.p50Milliseconds)) | \(CaseRunner.ratio(phase.p50Ratio)) | \(Self.ms(phase.without.latency.p99Milliseconds)) | \(Self.ms(phase.with.latency.p99Milliseconds)) | \(CaseRunner.ratio(phase.p99Ratio))")
            }
        }
        output.line()
        output.line("Writes over HTTP, ms: ratio = Consent / Observation")
        for phase in report.writes {
            output.line("c=\(phase.concurrency): POST Observation p50 \(Self.ms(phase.observation.latency.p50Milliseconds)) p99 \(Self.ms(phase.observation.latency.p99Milliseconds)); POST Consent p50 \(Self.ms(phase.consent.latency.p50Milliseconds)) p99 \(Self.ms(phase.consent.latency.p99Milliseconds)); ratio p50 \(CaseRunner.ratio(phase.p50Ratio)) p99 \(CaseRunner.ratio(phase.p99Ratio))")
        }
        output.line()
        output.line("Plans (EXPLAIN (ANALYZE, BUFFERS) of the representative request; full plans in --json)")
        for searchCase in report.cases {
            output.line("\(searchCase.title): \(searchCase.representativeRequest)")
            output.line("  without: \(searchCase.planWithout.summary.text)")
            output.line("  with:    \(searchCase.planWith.summary.text)")
        }
        for note in report.notes { output.line("Note: \(note)") }
    }

    private static func ms(_ value: Double) -> String {
        ReportTable.format(value, higherIsBetter: false)
    }
}
