/// The figures of one research benchmark run and what they were measured on; `--json` writes this.
public struct ResearchBenchmarkReport: Sendable, Hashable, Codable {
    /// `debug` or `release`.
    public let build: String
    /// The command line of the run.
    public let commandLine: String
    /// The machine.
    public let machine: MachineFacts
    /// The PostgreSQL server.
    public let postgres: PostgresFacts
    /// The `--scale` of the run.
    public let scale: Double
    /// Patients stored.
    public let patients: Int
    /// Resources stored.
    public let resources: Int
    /// The bulk load through the store.
    public let bulkLoad: LoadFigures
    /// Seconds `VACUUM (ANALYZE)` took after loading.
    public let vacuumSeconds: Double
    /// Seconds each in-process loop ran.
    public let engineSeconds: Double
    /// The in-process loops: each profile on a Patient and on an Observation.
    public let engine: [DeidentificationFigures]
    /// Measured seconds of each side of a comparison, over all its rounds.
    public let seconds: Double
    /// The alternating rounds each comparison was measured in.
    public let rounds: Int
    /// Warm-up before each side of a comparison, in seconds.
    public let warmupSeconds: Double
    /// The research / clinical ratio the issue sets as the target.
    public let targetRatio: Double
    /// The HTTP comparisons, each clinical beside research.
    public let comparisons: [ResearchComparisonReport]
    /// Anything a reader must know.
    public let notes: [String]
}

/// One request measured on the clinical base and the same data's request on the research base.
public struct ResearchComparisonReport: Sendable, Hashable, Codable {
    /// A short stable key.
    public let key: String
    /// The clinical request as the report names it.
    public let clinical: String
    /// The research request as the report names it.
    public let research: String
    /// How the parameters were drawn.
    public let parameters: String
    /// The figures at each concurrency.
    public let phases: [ResearchPhase]
}

/// One concurrency: the clinical and the research request of the same keys, in alternating rounds.
public struct ResearchPhase: Sendable, Hashable, Codable {
    /// Concurrent clients.
    public let concurrency: Int
    /// `GET /fhir/…` as the system client.
    public let clinical: ReadFigures
    /// `GET /research/fhir/…` as the researcher.
    public let research: ReadFigures
    /// Research / clinical at the median; nil when the clinical median is 0.
    public let p50Ratio: Double?
    /// Research / clinical at the 99th percentile; nil when the clinical one is 0.
    public let p99Ratio: Double?

    /// The phase of these figures, with their ratios.
    init(concurrency: Int, clinical: ReadFigures, research: ReadFigures) {
        self.concurrency = concurrency
        self.clinical = clinical
        self.research = research
        p50Ratio = Self.ratio(research.latency.p50Milliseconds, clinical.latency.p50Milliseconds)
        p99Ratio = Self.ratio(research.latency.p99Milliseconds, clinical.latency.p99Milliseconds)
    }

    /// Whether both ratios are at most `target`.
    func meets(_ target: Double) -> Bool {
        (p50Ratio ?? .infinity) <= target && (p99Ratio ?? .infinity) <= target
    }

    /// `numerator / denominator`, nil when the denominator is 0.
    private static func ratio(_ numerator: Double, _ denominator: Double) -> Double? {
        denominator > 0 ? numerator / denominator : nil
    }
}
