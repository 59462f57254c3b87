/// How to run the research benchmark: how long the engine loops run, how much data the HTTP
/// comparisons read, and how long each side of a comparison is measured.
public struct ResearchBenchmarkOptions: Sendable, Hashable {
    /// The scale of the HTTP data by default: 0.1, 100,000 resources of 5,000 patients.
    public static let defaultScale = 0.1
    /// Seconds each engine loop (one profile, one resource) runs by default: 3.
    public static let defaultEngineSeconds = 3.0
    /// Alternating rounds each comparison is measured in by default: 10.
    public static let defaultRounds = 10
    /// The ratio research / clinical the issue sets as the target, at p50 and p99: 1.3.
    public static let targetRatio = 1.3

    /// The data, the loaders and the measuring, as the search benchmark takes them (bulk-loaded
    /// only: no API ingest).
    public var search: SearchBenchmarkOptions
    /// Seconds each in-process de-identification loop runs.
    public var engineSeconds: Double
    /// The rounds each comparison is measured in, clinical and research alternating, each round
    /// `seconds / rounds` long per side.
    public var rounds: Int

    /// Options with the documented defaults unless given.
    public init(
        scale: Double = ResearchBenchmarkOptions.defaultScale,
        loaders: Int = SearchBenchmarkOptions.defaultLoaders,
        engineSeconds: Double = ResearchBenchmarkOptions.defaultEngineSeconds,
        rounds: Int = ResearchBenchmarkOptions.defaultRounds,
        concurrencies: [Int] = SearchBenchmarkOptions.defaultConcurrencies,
        seconds: Double = SearchBenchmarkOptions.defaultSeconds,
        warmupSeconds: Double = SearchBenchmarkOptions.defaultWarmupSeconds,
        jsonPath: String? = nil
    ) {
        self.search = SearchBenchmarkOptions(
            scale: scale, loaders: loaders, apiResources: 0,
            concurrencies: concurrencies, seconds: seconds, warmupSeconds: warmupSeconds, jsonPath: jsonPath
        )
        self.engineSeconds = engineSeconds
        self.rounds = rounds
    }

    /// Checks that every value can be used.
    public func validate() throws(BenchmarkError) {
        try search.validate()
        guard engineSeconds > 0, engineSeconds.isFinite else { throw .invalidOption("--engine-seconds must be positive") }
        guard rounds >= 1 else { throw .invalidOption("--rounds must be at least 1") }
    }
}
