import AsyncHTTPClient
import Foundation
import KilnTesting

/// Kiln's part of a run: load the Bundles, then read Observations back at each concurrency.
struct KilnRun: Sendable {
    let options: BenchmarkOptions
    let plan: LoadPlan
    let output: BenchmarkOutput

    /// Runs the phases against the Kiln at `baseURL`.
    func measure(baseURL: String, httpClient: HTTPClient, bundles: TransactionBundles) async throws -> SystemFigures {
        let target = KilnTarget(client: KilnClient(baseURL: baseURL, httpClient: httpClient, headers: options.kilnHeaders))
        output.line("Kiln: loading \(ReportTable.grouped(plan.resourceCount)) resources in \(plan.bundleCount) transaction Bundles with \(options.loaders) loaders…")
        let (load, ids) = try await target.load(bundles, plan: plan, concurrency: options.loaders, output: output)
        output.line("Kiln: loaded in \(String(format: "%.1f", load.seconds)) s (\(ReportTable.grouped(Int(load.resourcesPerSecond.rounded()))) resources/s)")
        var reads: [ReadFigures] = []
        for concurrency in options.readConcurrencies {
            output.line("Kiln: reading Observations by id at concurrency \(concurrency)…")
            let figures = try await target.read(ids: ids, concurrency: concurrency, warmup: .seconds(options.warmupSeconds), duration: .seconds(options.readSeconds))
            output.line("Kiln: \(ReportTable.grouped(Int(figures.requestsPerSecond.rounded()))) requests/s, p50 \(ReportTable.format(figures.latency.p50Milliseconds, higherIsBetter: false)) ms, p99 \(ReportTable.format(figures.latency.p99Milliseconds, higherIsBetter: false)) ms")
            reads.append(figures)
        }
        return SystemFigures(load: load, reads: reads)
    }
}
