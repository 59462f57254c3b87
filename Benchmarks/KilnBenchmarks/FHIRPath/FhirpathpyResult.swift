/// What `fhirpathpy_bench.py` prints: fhirpathpy's figures on the workload.
struct FhirpathpyResult: Sendable, Codable {
    /// An error the script reports about one expression or evaluation.
    struct Failure: Sendable, Codable {
        /// The expression's index in the workload.
        let expression: Int
        /// The resource's index, for an evaluation error.
        let resource: Int?
        /// The exception, as Python names and prints it.
        let message: String
    }

    /// fhirpathpy's version.
    let version: String
    /// Python's version.
    let python: String
    /// The type model fhirpathpy evaluated with (`r4`), or nil without one.
    let model: String?
    /// `compile` (each expression compiled once) or `evaluate` (parsed at each evaluation).
    let mode: String
    /// Expressions fhirpathpy could not compile.
    let compileFailures: Int
    /// Some of the compile errors.
    let compileErrors: [Failure]
    /// Pairs fhirpathpy could not evaluate (including those of expressions it could not compile).
    let evaluationFailures: Int
    /// The first evaluation error of some expressions.
    let evaluationErrors: [Failure]
    /// Each pair's result count in workload order, nil where fhirpathpy failed.
    let resultCounts: [Int?]
    /// The pairs measured: those both engines evaluated without error.
    let measuredPairs: Int
    /// Evaluations finished in the measured window.
    let evaluations: Int
    /// The measured window, in seconds.
    let seconds: Double
    /// CPU time the Python process used in the window, in seconds.
    let cpuSeconds: Double
    /// Evaluations that raised an error in the measured window.
    let loopFailures: Int
    /// Evaluations per second.
    let evaluationsPerSecond: Double
}

/// What the script says when it cannot measure (`{"error": "fhirpathpy-missing", "message": …}`).
struct FhirpathpyProblem: Sendable, Codable {
    /// A short code: `fhirpathpy-missing` or `bad-workload`.
    let error: String
    /// The message for the user.
    let message: String
}
