import Foundation

/// The research benchmark's closing figures.
struct ResearchReportPrinter: Sendable {
    /// Where lines go.
    let output: BenchmarkOutput

    /// The figures of `report`.
    func report(_ report: ResearchBenchmarkReport) {
        let machine = report.machine
        output.line()
        output.line("Results (\(report.build) build)")
        output.line("Command: \(report.commandLine)")
        output.line("Machine: \(machine.processor), \(machine.cores) cores, \(machine.memoryGiB) GiB, \(machine.operatingSystem); \(report.postgres.version.split(separator: " ").prefix(2).joined(separator: " ")), fsync \(report.postgres.fsync)")
        output.line("Data: \(ReportTable.grouped(report.resources)) resources of \(ReportTable.grouped(report.patients)) patients; bulk load \(String(format: "%.1f", report.bulkLoad.seconds)) s, VACUUM (ANALYZE) \(String(format: "%.1f", report.vacuumSeconds)) s")
        output.line()
        output.line("De-identification in process, one task (\(report.engineSeconds) s each)")
        output.line("profile | resource | resources/s | µs each | bytes in → out")
        for figures in report.engine {
            output.line("\(figures.profile) | \(figures.resourceType) | \(ReportTable.grouped(Int(figures.resourcesPerSecond.rounded()))) | \(String(format: "%.1f", figures.microsecondsPerResource)) | \(figures.inputBytes) → \(figures.outputBytes)")
        }
        output.line()
        output.line("Latency in ms, measured by the client; ratio = research / clinical (≤ \(report.targetRatio) is the target)")
        output.line("clinical | research | c | p50 clinical | p50 research | ratio | p99 clinical | p99 research | ratio | target")
        for comparison in report.comparisons {
            for phase in comparison.phases {
                output.line("\(comparison.clinical) | \(comparison.research) | \(phase.concurrency) | \(Self.ms(phase.clinical.latency.p50Milliseconds)) | \(Self.ms(phase.research.latency.p50Milliseconds)) | \(CaseRunner.ratio(phase.p50Ratio)) | \(Self.ms(phase.clinical.latency.p99Milliseconds)) | \(Self.ms(phase.research.latency.p99Milliseconds)) | \(CaseRunner.ratio(phase.p99Ratio)) | \(phase.meets(report.targetRatio) ? "met" : "NOT met")")
            }
        }
        for note in report.notes { output.line("Note: \(note)") }
    }

    /// Milliseconds as the tables write them.
    private static func ms(_ value: Double) -> String {
        ReportTable.format(value, higherIsBetter: false)
    }
}
