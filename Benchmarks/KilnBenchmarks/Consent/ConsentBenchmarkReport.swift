/// The figures of one consent benchmark run and what they were measured on; `--json` writes this.
public struct ConsentBenchmarkReport: Sendable, Hashable, Codable {
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
    /// Resources stored before the Consents.
    public let resources: Int
    /// The bulk load through the store.
    public let bulkLoad: LoadFigures
    /// Consents stored, by kind.
    public let consentsByKind: [String: Int]
    /// Seconds the Consents took to write through the store.
    public let consentLoadSeconds: Double
    /// Seconds `VACUUM (ANALYZE)` took after loading.
    public let vacuumSeconds: Double
    /// Rows of the compiled-consent tables.
    public let policyRows: Int
    /// Rows of the compiled provisions.
    public let provisionRows: Int
    /// Measured seconds of each side of a comparison, over all its rounds.
    public let seconds: Double
    /// The alternating rounds each comparison was measured in.
    public let rounds: Int
    /// Warm-up before each side of a comparison, in seconds.
    public let warmupSeconds: Double
    /// The searches, each without and with the consent check.
    public let cases: [ConsentCaseReport]
    /// Writing an Observation beside writing a Consent, over HTTP.
    public let writes: [ConsentWritePhase]
    /// Anything a reader must know.
    public let notes: [String]
}

/// One search measured without and with the caller's consent scope.
public struct ConsentCaseReport: Sendable, Hashable, Codable {
    /// A short stable key.
    public let key: String
    /// The search as the report names it.
    public let title: String
    /// Who searches: the filter's caller.
    public let caller: String
    /// How the parameters were drawn.
    public let parameters: String
    /// The request whose plans are shown.
    public let representativeRequest: String
    /// The figures at each concurrency.
    public let phases: [ConsentPhase]
    /// Kiln's statement for the representative request without the consent check, explained.
    public let planWithout: ExplainedStatement
    /// The same with the consent check.
    public let planWith: ExplainedStatement
}

/// One concurrency: the same random requests without and with the consent check.
public struct ConsentPhase: Sendable, Hashable, Codable {
    /// Concurrent clients.
    public let concurrency: Int
    /// Without the caller's consent scope.
    public let without: ReadFigures
    /// With it.
    public let with: ReadFigures

    /// With / without, at the median.
    public var p50Ratio: Double? { Self.ratio(with.latency.p50Milliseconds, without.latency.p50Milliseconds) }
    /// With / without, at the 99th percentile.
    public var p99Ratio: Double? { Self.ratio(with.latency.p99Milliseconds, without.latency.p99Milliseconds) }

    static func ratio(_ numerator: Double, _ denominator: Double) -> Double? {
        denominator > 0 ? numerator / denominator : nil
    }
}

/// Writing Observations beside writing Consents (create over HTTP, validated, indexed, and for a
/// Consent checked and compiled into its rows).
public struct ConsentWritePhase: Sendable, Hashable, Codable {
    /// Concurrent clients.
    public let concurrency: Int
    /// `POST Observation`.
    public let observation: ReadFigures
    /// `POST Consent`.
    public let consent: ReadFigures

    /// Consent / Observation, at the median.
    public var p50Ratio: Double? { ConsentPhase.ratio(consent.latency.p50Milliseconds, observation.latency.p50Milliseconds) }
    /// Consent / Observation, at the 99th percentile.
    public var p99Ratio: Double? { ConsentPhase.ratio(consent.latency.p99Milliseconds, observation.latency.p99Milliseconds) }
}
