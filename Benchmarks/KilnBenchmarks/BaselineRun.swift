import FHIRStore
import Foundation
import KilnTesting
import Logging
import PostgresNIO

/// The PostgreSQL baseline's part of a run: the same documents loaded and read in a plain table.
struct BaselineRun: Sendable {
    let options: BenchmarkOptions
    let plan: LoadPlan
    let output: BenchmarkOutput

    /// Runs the phases in a scratch table of `database`, dropped afterwards, and returns the
    /// figures and what the server is.
    func measure(database: DatabaseConfiguration) async throws -> (figures: SystemFigures, facts: PostgresFacts) {
        var configuration = database
        configuration.maximumConnections = max(options.loaders, options.readConcurrencies.max() ?? 1)
        output.line("PostgreSQL: preparing \(ReportTable.grouped(plan.resourceCount)) documents…")
        let documents = BaselineDocuments(plan: plan)
        let options = self.options
        let plan = self.plan
        let output = self.output
        return try await TestCluster.withClient(configuration) { client in
            let baseline = PostgresBaseline(client: client, logger: Logger(label: "kiln.bench.postgres"))
            let facts = try await baseline.serverFacts()
            try await baseline.createTable()
            do {
                output.line("PostgreSQL: inserting them in \(documents.batches.count) multi-row INSERTs with \(options.loaders) loaders…")
                let load = try await baseline.load(documents, resources: plan.resourceCount, concurrency: options.loaders, output: output)
                output.line("PostgreSQL: loaded in \(String(format: "%.1f", load.seconds)) s (\(ReportTable.grouped(Int(load.resourcesPerSecond.rounded()))) rows/s)")
                var reads: [ReadFigures] = []
                for concurrency in options.readConcurrencies {
                    output.line("PostgreSQL: reading documents by primary key at concurrency \(concurrency)…")
                    let figures = try await baseline.read(ids: documents.observationIDs, concurrency: concurrency, warmup: .seconds(options.warmupSeconds), duration: .seconds(options.readSeconds))
                    output.line("PostgreSQL: \(ReportTable.grouped(Int(figures.requestsPerSecond.rounded()))) selects/s, p50 \(ReportTable.format(figures.latency.p50Milliseconds, higherIsBetter: false)) ms, p99 \(ReportTable.format(figures.latency.p99Milliseconds, higherIsBetter: false)) ms")
                    reads.append(figures)
                }
                try await baseline.dropTable()
                return (SystemFigures(load: load, reads: reads), facts)
            } catch {
                try? await baseline.dropTable()
                throw error
            }
        }
    }
}
