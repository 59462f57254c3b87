/// The figures of one FHIRPath benchmark run and what they were measured on; `--json` writes this.
struct FHIRPathBenchmarkReport: Sendable, Encodable {
    /// The workload of one resource type.
    struct TypeSummary: Sendable, Encodable {
        /// The resource type.
        let resourceType: String
        /// Its search parameter expressions that parsed.
        let expressions: Int
        /// Its example resources.
        let resources: Int
        /// Its (expression, resource) pairs.
        let pairs: Int
    }

    /// What was evaluated.
    struct Workload: Sendable, Encodable {
        /// The fhir-data folder the examples came from.
        let examplesDirectory: String
        /// Per resource type.
        let types: [TypeSummary]
        /// Expressions that parsed, over all types.
        let expressions: Int
        /// Example resources, over all types.
        let resources: Int
        /// Pairs, over all types.
        let pairs: Int
        /// Expressions Kiln did not parse (left out).
        let parseFailures: [FHIRPathWorkload.ParseFailure]
        /// Search parameters without an expression (not evaluated).
        let parametersWithoutExpression: Int
    }

    /// Kiln's figures.
    struct Kiln: Sendable, Encodable {
        /// The unmeasured pass over every pair, in seconds.
        let checkPassSeconds: Double
        /// Pairs Kiln could not evaluate.
        let evaluationFailures: Int
        /// The first error of some failing expressions.
        let failures: [KilnEvaluationCheck.Failure]
        /// One worker.
        let singleThread: FHIRPathThroughput
        /// ``FHIRPathBenchmarkReport/workers`` workers sharing the compiled expressions.
        let allWorkers: FHIRPathThroughput
        /// All workers' evaluations per second over one thread's.
        let scaling: Double?
    }

    /// fhirpathpy's figures.
    struct Fhirpathpy: Sendable, Encodable {
        /// fhirpathpy's version.
        let version: String
        /// Python's version.
        let python: String
        /// The model it evaluated with (`r4`).
        let model: String?
        /// `compile` or `evaluate`.
        let mode: String
        /// Expressions it could not compile.
        let compileFailures: Int
        /// Pairs it could not evaluate.
        let evaluationFailures: Int
        /// Some of its compile errors.
        let compileErrors: [EngineError]
        /// The first evaluation error of some expressions.
        let evaluationErrors: [EngineError]
        /// One Python thread.
        let singleThread: FHIRPathThroughput

        /// The figures of the script's result, its errors named by the workload's expressions and resources.
        init(_ result: FhirpathpyResult, workload: FHIRPathWorkload) {
            self.version = result.version
            self.python = result.python
            self.model = result.model
            self.mode = result.mode
            self.compileFailures = result.compileFailures
            self.evaluationFailures = result.evaluationFailures
            self.compileErrors = result.compileErrors.compactMap { EngineError($0, workload: workload) }
            self.evaluationErrors = result.evaluationErrors.compactMap { EngineError($0, workload: workload) }
            self.singleThread = FHIRPathThroughput(
                workers: 1, evaluations: result.evaluations, failures: result.loopFailures, seconds: result.seconds, cpuSeconds: result.cpuSeconds
            )
        }
    }

    /// An error fhirpathpy raised on one expression (and resource).
    struct EngineError: Sendable, Encodable {
        /// The resource type.
        let resourceType: String
        /// The search parameter's code.
        let code: String
        /// The expression text.
        let expression: String
        /// The resource, for an evaluation error.
        let resource: String?
        /// The exception, as Python prints it.
        let message: String

        /// The error named by the workload; nil when its indices are not the workload's.
        init?(_ failure: FhirpathpyResult.Failure, workload: FHIRPathWorkload) {
            guard workload.expressions.indices.contains(failure.expression) else { return nil }
            let expression = workload.expressions[failure.expression]
            self.resourceType = expression.resourceType
            self.code = expression.code
            self.expression = expression.text
            self.resource = failure.resource.flatMap { workload.resources.indices.contains($0) ? workload.resources[$0].label : nil }
            self.message = failure.message
        }
    }

    /// `debug` or `release`.
    let build: String
    /// Length of each measured loop, in seconds.
    let seconds: Double
    /// Unmeasured evaluation before each loop, in seconds.
    let warmupSeconds: Double
    /// Workers of the multi-core loop.
    let workers: Int
    /// Active processors of the machine.
    let activeProcessors: Int
    /// What was evaluated.
    let workload: Workload
    /// The pairs measured: those both engines evaluated without error (Kiln's alone without fhirpathpy).
    let measuredPairs: Int
    /// Kiln's figures.
    let kiln: Kiln
    /// fhirpathpy's figures, unless it could not run.
    let fhirpathpy: Fhirpathpy?
    /// Why fhirpathpy did not run.
    let fhirpathpySkipped: String?
    /// Kiln's one-thread evaluations per second over fhirpathpy's.
    let ratio: Double?
    /// Result-count agreement, when fhirpathpy ran.
    let agreement: ResultAgreement?
    /// Anything else a reader must know.
    let notes: [String]
}
