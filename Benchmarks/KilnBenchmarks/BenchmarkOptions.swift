public import Foundation

/// How to run the benchmark: what to load, how long to read, and against which servers.
public struct BenchmarkOptions: Sendable, Hashable {
    /// Observations loaded at scale 1: 100,000.
    public static let fullObservationCount = 100_000
    /// Concurrent loaders by default: 4.
    public static let defaultLoaders = 4
    /// Read concurrencies by default: 1 and 16.
    public static let defaultReadConcurrencies = [1, 16]
    /// Length of each measured read phase by default: 10 seconds.
    public static let defaultReadSeconds = 10.0
    /// Warm-up before each measured read phase by default: 1 second.
    public static let defaultWarmupSeconds = 1.0

    /// Multiplies the number of Observations (0.01 loads 1,000).
    public var scale: Double
    /// Concurrent loaders, for Kiln and for the PostgreSQL baseline.
    public var loaders: Int
    /// The concurrencies of the read phases.
    public var readConcurrencies: [Int]
    /// Length of each measured read phase, in seconds.
    public var readSeconds: Double
    /// Unmeasured reading before each read phase, in seconds.
    public var warmupSeconds: Double
    /// The FHIR base URL of a running Kiln to benchmark; nil starts an in-process server over a
    /// fresh database of the test cluster.
    public var kilnURL: String?
    /// The PostgreSQL URL for the baseline when ``kilnURL`` is set; nil skips the baseline then.
    public var databaseURL: String?
    /// A bearer access token sent to the Kiln of ``kilnURL`` (one with authorization on); it
    /// needs scopes to write and read Observations and Patients (`system/*.cruds`, say).
    public var bearerToken: String?
    /// A file to write the figures to as JSON.
    public var jsonPath: String?

    /// Options with the documented defaults unless given.
    public init(
        scale: Double = 1.0,
        loaders: Int = BenchmarkOptions.defaultLoaders,
        readConcurrencies: [Int] = BenchmarkOptions.defaultReadConcurrencies,
        readSeconds: Double = BenchmarkOptions.defaultReadSeconds,
        warmupSeconds: Double = BenchmarkOptions.defaultWarmupSeconds,
        kilnURL: String? = nil,
        databaseURL: String? = nil,
        bearerToken: String? = nil,
        jsonPath: String? = nil
    ) {
        self.scale = scale
        self.loaders = loaders
        self.readConcurrencies = readConcurrencies
        self.readSeconds = readSeconds
        self.warmupSeconds = warmupSeconds
        self.kilnURL = kilnURL
        self.databaseURL = databaseURL
        self.bearerToken = bearerToken
        self.jsonPath = jsonPath
    }

    /// The number of Observations to load at this scale (at least one).
    public var observationCount: Int {
        max(Int((Double(Self.fullObservationCount) * scale).rounded()), 1)
    }

    /// Checks that every value can be used.
    public func validate() throws(BenchmarkError) {
        guard scale > 0, scale.isFinite else { throw .invalidOption("--scale must be a positive fraction, e.g. 0.01") }
        guard loaders >= 1 else { throw .invalidOption("--concurrency-load must be at least 1") }
        guard !readConcurrencies.isEmpty, readConcurrencies.allSatisfy({ $0 >= 1 }) else {
            throw .invalidOption("--read-concurrency needs one or more values of at least 1")
        }
        guard readSeconds > 0, readSeconds.isFinite else { throw .invalidOption("--read-seconds must be positive") }
        guard warmupSeconds >= 0, warmupSeconds.isFinite else { throw .invalidOption("--warmup-seconds must be zero or more") }
        guard bearerToken == nil || kilnURL != nil else {
            throw .invalidOption("--token is for a running Kiln: give its FHIR base with --url (the in-process server runs without authorization)")
        }
    }

    /// The headers of every request to Kiln: the bearer token's, when there is one.
    var kilnHeaders: [String: String] {
        Self.headers(bearerToken: bearerToken)
    }

    /// The token of `--token`, else of the environment variable `KILN_BENCH_TOKEN`, else nil.
    public static func bearerToken(option: String?, environment: [String: String] = ProcessInfo.processInfo.environment) -> String? {
        let token = option ?? environment["KILN_BENCH_TOKEN"]
        return token?.isEmpty == false ? token : nil
    }

    /// An `Authorization` header for `bearerToken`, or none.
    static func headers(bearerToken: String?) -> [String: String] {
        bearerToken.map { ["Authorization": "Bearer \($0)"] } ?? [:]
    }
}
