import Foundation
import KilnTesting

/// Runs one search case: checks that Kiln and the hand-written SQL agree on a sample of its
/// requests, measures both at each concurrency (Kiln first, then the SQL, with the same random
/// sequence of requests), and explains both for the representative request.
struct CaseRunner: Sendable {
    /// The options.
    let options: SearchBenchmarkOptions
    /// Kiln over HTTP.
    let kiln: KilnSearchTarget
    /// The client behind ``kiln``, for full responses.
    let kilnClient: KilnClient
    /// The hand-written SQL.
    let sql: SQLSearchTarget
    /// The plans.
    let explainer: PlanExplainer
    /// Where progress goes.
    let output: BenchmarkOutput

    /// Requests compared for agreement besides the representative one.
    static let agreementSample = 4

    /// The report of `searchCase`.
    func run(_ searchCase: SearchCase) async throws -> SearchCaseReport {
        output.line()
        output.line("\(searchCase.title)  [\(searchCase.parameterNote)]")
        let sample = Self.sample(count: searchCase.requestCount, representative: searchCase.representative)
        let agreement = try await RowAgreement.check(sample.map(searchCase.request), pageSize: searchCase.pageSize, kiln: kilnClient, sql: sql)
        output.line("  rows: \(agreement.agreed ? "Kiln and the SQL agree on \(agreement.requests) requests" : "MISMATCH: \(agreement.difference ?? "")")")
        var phases: [SearchPhaseFigures] = []
        let warmup = Duration.seconds(options.warmupSeconds)
        let duration = Duration.seconds(options.seconds)
        let kiln = self.kiln
        let sql = self.sql
        for concurrency in options.concurrencies {
            let kilnFigures = try await ReadDriver.run(concurrency: concurrency, warmup: warmup, duration: duration, keys: searchCase.requestCount) { key in
                try await kiln.search(searchCase.request(key).kilnPath, expectation: searchCase.expectation)
            }
            let sqlFigures = try await ReadDriver.run(concurrency: concurrency, warmup: warmup, duration: duration, keys: searchCase.requestCount) { key in
                try await sql.search(searchCase.request(key).sql, expectation: searchCase.expectation)
            }
            let phase = SearchPhaseFigures(concurrency: concurrency, kiln: kilnFigures, sql: sqlFigures)
            output.line("  c=\(concurrency): Kiln p50 \(Self.ms(kilnFigures.latency.p50Milliseconds)) p99 \(Self.ms(kilnFigures.latency.p99Milliseconds)) (\(ReportTable.grouped(Int(kilnFigures.requestsPerSecond.rounded())))/s); SQL p50 \(Self.ms(sqlFigures.latency.p50Milliseconds)) p99 \(Self.ms(sqlFigures.latency.p99Milliseconds)) (\(ReportTable.grouped(Int(sqlFigures.requestsPerSecond.rounded())))/s); ratio p50 \(Self.ratio(phase.p50Ratio)) p99 \(Self.ratio(phase.p99Ratio))")
            phases.append(phase)
        }
        let representative = searchCase.request(searchCase.representative)
        let (kilnPlans, handPlan) = try await explainer.explain(representative)
        for plan in kilnPlans + [handPlan] {
            output.line("  \(plan.role): \(plan.summary.text)")
        }
        return SearchCaseReport(
            key: searchCase.key,
            title: searchCase.title,
            parameters: searchCase.parameterNote,
            pageSize: searchCase.pageSize,
            requestPool: searchCase.requestCount,
            representativeRequest: representative.kilnPath,
            agreement: agreement,
            kilnStatements: kilnPlans,
            handWritten: handPlan,
            phases: phases
        )
    }

    /// The representative request and up to ``agreementSample`` others spread over the pool.
    static func sample(count: Int, representative: Int) -> [Int] {
        var indexes = [representative]
        let step = max(count / agreementSample, 1)
        for index in stride(from: step / 2, to: count, by: step) where !indexes.contains(index) && indexes.count <= agreementSample {
            indexes.append(index)
        }
        return indexes
    }

    /// Milliseconds with three decimals below 10 ms.
    static func ms(_ value: Double) -> String {
        ReportTable.format(value, higherIsBetter: false) + " ms"
    }

    /// A ratio as `3.21×`.
    static func ratio(_ value: Double?) -> String {
        value.map { String(format: "%.2f×", $0) } ?? "–"
    }
}
