/// How to run the consent benchmark: how much to load, how many patients hold a Consent, and how
/// long to measure each search.
public struct ConsentBenchmarkOptions: Sendable, Hashable {
    /// Patients holding a Consent by default: one in ten.
    public static let defaultConsentShare = 0.1
    /// Patients assigned to the benchmark's clinician by default: 200.
    public static let defaultAssignedPatients = 200

    /// Multiplies the number of resources (1.0 loads 1,000,000; 0.005 loads 5,000).
    public var scale: Double
    /// Concurrent bulk loaders.
    public var loaders: Int
    /// Resources per bulk transaction (rounded to whole patients).
    public var batchResources: Int
    /// The share of patients holding a Consent (0–1).
    public var consentShare: Double
    /// Patients assigned to the clinician whose searches are measured.
    public var assignedPatients: Int
    /// The concurrencies every search is measured at.
    public var concurrencies: [Int]
    /// Length of each measured phase, in seconds.
    public var seconds: Double
    /// Unmeasured requests before each measured phase, in seconds.
    public var warmupSeconds: Double
    /// A file to write the figures and plans to as JSON.
    public var jsonPath: String?

    /// Options with the documented defaults unless given.
    public init(
        scale: Double = 1.0,
        loaders: Int = SearchBenchmarkOptions.defaultLoaders,
        batchResources: Int = SearchBenchmarkOptions.defaultBatchResources,
        consentShare: Double = ConsentBenchmarkOptions.defaultConsentShare,
        assignedPatients: Int = ConsentBenchmarkOptions.defaultAssignedPatients,
        concurrencies: [Int] = SearchBenchmarkOptions.defaultConcurrencies,
        seconds: Double = SearchBenchmarkOptions.defaultSeconds,
        warmupSeconds: Double = SearchBenchmarkOptions.defaultWarmupSeconds,
        jsonPath: String? = nil
    ) {
        self.scale = scale
        self.loaders = loaders
        self.batchResources = batchResources
        self.consentShare = consentShare
        self.assignedPatients = assignedPatients
        self.concurrencies = concurrencies
        self.seconds = seconds
        self.warmupSeconds = warmupSeconds
        self.jsonPath = jsonPath
    }

    /// The search benchmark's options for the same data, bulk-loaded only.
    var searchOptions: SearchBenchmarkOptions {
        SearchBenchmarkOptions(scale: scale, loaders: loaders, batchResources: batchResources, apiResources: 0,
                               concurrencies: concurrencies, seconds: seconds, warmupSeconds: warmupSeconds)
    }

    /// Checks that every value can be used.
    public func validate() throws(BenchmarkError) {
        try searchOptions.validate()
        guard consentShare > 0, consentShare <= 1 else { throw .invalidOption("--consent-share must be above 0 and at most 1") }
        guard assignedPatients >= 1 else { throw .invalidOption("--assigned-patients must be at least 1") }
    }
}
