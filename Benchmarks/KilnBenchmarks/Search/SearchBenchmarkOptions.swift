/// How to run the search benchmark: how much to load, how, and how long to measure each search.
public struct SearchBenchmarkOptions: Sendable, Hashable {
    /// Resources bulk-loaded at scale 1: 1,000,000 (Patients, Observations, DiagnosticReports).
    public static let fullResourceCount = 1_000_000
    /// Resources sent through the HTTP API at scale 1: 20,000.
    public static let fullAPIResourceCount = 20_000
    /// Concurrent bulk loaders and API loaders by default: 4.
    public static let defaultLoaders = 4
    /// Resources per bulk transaction by default: 500.
    public static let defaultBatchResources = 500
    /// Search concurrencies by default: 1 and 8.
    public static let defaultConcurrencies = [1, 8]
    /// Length of each measured phase by default: 10 seconds.
    public static let defaultSeconds = 10.0
    /// Warm-up before each measured phase by default: 2 seconds.
    public static let defaultWarmupSeconds = 2.0
    /// The page a deep page is by default: 50.
    public static let defaultDeepPage = 50

    /// Multiplies the number of resources (1.0 loads 1,000,000; 0.005 loads 5,000).
    public var scale: Double
    /// Concurrent loaders, for the bulk load and for the API ingest.
    public var loaders: Int
    /// Resources per bulk transaction (rounded to whole patients).
    public var batchResources: Int
    /// Resources posted through the HTTP API; nil for ``fullAPIResourceCount`` times the scale.
    public var apiResources: Int?
    /// The concurrencies every search is measured at.
    public var concurrencies: [Int]
    /// Length of each measured phase, in seconds.
    public var seconds: Double
    /// Unmeasured searching before each measured phase, in seconds.
    public var warmupSeconds: Double
    /// How many pages deep the deep-page search goes (fewer when the data has fewer pages).
    public var deepPage: Int
    /// A file to write the figures and plans to as JSON.
    public var jsonPath: String?

    /// Options with the documented defaults unless given.
    public init(
        scale: Double = 1.0,
        loaders: Int = SearchBenchmarkOptions.defaultLoaders,
        batchResources: Int = SearchBenchmarkOptions.defaultBatchResources,
        apiResources: Int? = nil,
        concurrencies: [Int] = SearchBenchmarkOptions.defaultConcurrencies,
        seconds: Double = SearchBenchmarkOptions.defaultSeconds,
        warmupSeconds: Double = SearchBenchmarkOptions.defaultWarmupSeconds,
        deepPage: Int = SearchBenchmarkOptions.defaultDeepPage,
        jsonPath: String? = nil
    ) {
        self.scale = scale
        self.loaders = loaders
        self.batchResources = batchResources
        self.apiResources = apiResources
        self.concurrencies = concurrencies
        self.seconds = seconds
        self.warmupSeconds = warmupSeconds
        self.deepPage = deepPage
        self.jsonPath = jsonPath
    }

    /// The resources to bulk-load at this scale.
    public var bulkResourceCount: Int {
        Int((Double(Self.fullResourceCount) * scale).rounded())
    }

    /// The resources to post through the API at this scale (or as given).
    public var apiResourceCount: Int {
        apiResources ?? Int((Double(Self.fullAPIResourceCount) * scale).rounded())
    }

    /// Checks that every value can be used.
    public func validate() throws(BenchmarkError) {
        guard scale > 0, scale.isFinite else { throw .invalidOption("--scale must be a positive fraction, e.g. 0.005") }
        guard bulkResourceCount >= SearchDataPlan.resourcesPerPatient * 2 else {
            throw .invalidOption("--scale \(scale) loads fewer than two patients; use at least 0.0001")
        }
        guard loaders >= 1 else { throw .invalidOption("--loaders must be at least 1") }
        guard batchResources >= SearchDataPlan.resourcesPerPatient else {
            throw .invalidOption("--batch-resources must be at least \(SearchDataPlan.resourcesPerPatient) (one patient's resources)")
        }
        guard apiResourceCount >= 0 else { throw .invalidOption("--api-resources must be zero or more") }
        guard !concurrencies.isEmpty, concurrencies.allSatisfy({ $0 >= 1 }) else {
            throw .invalidOption("--concurrency needs one or more values of at least 1")
        }
        guard seconds > 0, seconds.isFinite else { throw .invalidOption("--seconds must be positive") }
        guard warmupSeconds >= 0, warmupSeconds.isFinite else { throw .invalidOption("--warmup-seconds must be zero or more") }
        guard deepPage >= 3 else { throw .invalidOption("--deep-page must be at least 3") }
    }
}
