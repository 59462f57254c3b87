/// How to run the consent benchmark: how much to load, how many patients hold a Consent, and how
/// long to measure each search.
public struct ConsentBenchmarkOptions: Sendable, Hashable {
    /// Patients holding a Consent by default: one in ten.
    public static let defaultConsentShare = 0.1
    /// Patients assigned to the benchmark's clinician by default: 200.
    public static let defaultAssignedPatients = 200
    /// Alternating rounds each comparison is measured in by default: 10.
    public static let defaultRounds = 10

    /// The data, the loaders and the measuring, as the search benchmark takes them (bulk-loaded
    /// only: no API ingest).
    public var search: SearchBenchmarkOptions
    /// The share of patients holding a Consent (0–1).
    public var consentShare: Double
    /// Patients assigned to the clinician whose searches are measured.
    public var assignedPatients: Int
    /// The rounds each comparison (without and with the consent check; an Observation and a
    /// Consent written) is measured in, the two alternating, each round `seconds / rounds` long.
    public var rounds: Int

    /// Options with the documented defaults unless given.
    public init(
        scale: Double = 1.0,
        loaders: Int = SearchBenchmarkOptions.defaultLoaders,
        batchResources: Int = SearchBenchmarkOptions.defaultBatchResources,
        consentShare: Double = ConsentBenchmarkOptions.defaultConsentShare,
        assignedPatients: Int = ConsentBenchmarkOptions.defaultAssignedPatients,
        rounds: Int = ConsentBenchmarkOptions.defaultRounds,
        concurrencies: [Int] = SearchBenchmarkOptions.defaultConcurrencies,
        seconds: Double = SearchBenchmarkOptions.defaultSeconds,
        warmupSeconds: Double = SearchBenchmarkOptions.defaultWarmupSeconds,
        jsonPath: String? = nil
    ) {
        self.search = SearchBenchmarkOptions(
            scale: scale, loaders: loaders, batchResources: batchResources, apiResources: 0,
            concurrencies: concurrencies, seconds: seconds, warmupSeconds: warmupSeconds, jsonPath: jsonPath
        )
        self.consentShare = consentShare
        self.assignedPatients = assignedPatients
        self.rounds = rounds
    }

    /// Checks that every value can be used.
    public func validate() throws(BenchmarkError) {
        try search.validate()
        guard consentShare > 0, consentShare <= 1 else { throw .invalidOption("--consent-share must be above 0 and at most 1") }
        guard assignedPatients >= 1 else { throw .invalidOption("--assigned-patients must be at least 1") }
        guard rounds >= 1 else { throw .invalidOption("--rounds must be at least 1") }
    }
}
