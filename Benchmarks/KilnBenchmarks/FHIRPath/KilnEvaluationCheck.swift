import FHIRPath
import Foundation

/// One unmeasured pass of Kiln over every pair of the workload: each pair's result count (for the
/// agreement check and the choice of measured pairs) and the errors Kiln raised.
struct KilnEvaluationCheck: Sendable {
    /// The most evaluation errors kept for the report, one per expression.
    static let maximumReportedErrors = 20

    /// An evaluation Kiln could not finish.
    struct Failure: Sendable, Codable {
        /// The resource type.
        let resourceType: String
        /// The search parameter's code.
        let code: String
        /// The expression text.
        let expression: String
        /// The resource, as a file name (with `:line` in an NDJSON file).
        let resource: String
        /// Kiln's error.
        let message: String
    }

    /// Each pair's result count, in workload order; nil where Kiln raised an error.
    let resultCounts: [Int?]
    /// The first error of each failing expression, at most ``maximumReportedErrors``.
    let failures: [Failure]
    /// The wall-clock time of the pass, in seconds.
    let seconds: Double

    /// Evaluates every pair of `workload` once.
    init(_ workload: FHIRPathWorkload, environment: FHIRPathEnvironment) {
        let clock = ContinuousClock()
        let start = clock.now
        var counts: [Int?] = []
        counts.reserveCapacity(workload.pairs.count)
        var failures: [Failure] = []
        var reported = Set<Int>()
        for pair in workload.pairs {
            let expression = workload.expressions[pair.expression]
            let resource = workload.resources[pair.resource]
            do {
                counts.append(try expression.compiled.evaluate(resource.json, environment: environment).count)
            } catch {
                counts.append(nil)
                guard failures.count < Self.maximumReportedErrors, reported.insert(pair.expression).inserted else { continue }
                failures.append(Failure(
                    resourceType: expression.resourceType, code: expression.code, expression: expression.text,
                    resource: resource.label, message: error.description
                ))
            }
        }
        self.resultCounts = counts
        self.failures = failures
        self.seconds = start.duration(to: clock.now).seconds
    }

    /// The number of pairs Kiln could not evaluate.
    var failureCount: Int { resultCounts.count { $0 == nil } }
}
