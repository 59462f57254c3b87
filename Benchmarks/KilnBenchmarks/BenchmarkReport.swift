/// The figures of one benchmark run and what they were measured on; `--json` writes this.
public struct BenchmarkReport: Sendable, Hashable, Codable {
    /// `debug` or `release`.
    public let build: String
    /// The `--scale` of the run.
    public let scale: Double
    /// Observations loaded.
    public let observations: Int
    /// Patients loaded.
    public let patients: Int
    /// Transaction Bundles (and multi-row INSERTs).
    public let batches: Int
    /// Entries in a full Bundle (rows in a full INSERT).
    public let entriesPerBatch: Int
    /// Mean size of an Observation as stored (with id and meta), in bytes.
    public let meanObservationBytes: Int
    /// Length of each measured read phase, in seconds.
    public let readSeconds: Double
    /// Warm-up before each read phase, in seconds.
    public let warmupSeconds: Double
    /// `in-process` or the URL of the Kiln that was measured.
    public let kilnServer: String
    /// The PostgreSQL server, when the benchmark could ask it.
    public let postgres: PostgresFacts?
    /// Kiln's figures.
    public let kiln: SystemFigures
    /// The raw PostgreSQL baseline's figures, unless it was skipped.
    public let baseline: SystemFigures?
    /// Why the baseline was skipped, or anything else a reader must know.
    public let notes: [String]
    /// The comparison table.
    public let comparison: [ComparisonRow]

    /// A report; the comparison is computed from the figures.
    public init(
        options: BenchmarkOptions,
        plan: LoadPlan,
        meanObservationBytes: Int,
        kilnServer: String,
        postgres: PostgresFacts?,
        kiln: SystemFigures,
        baseline: SystemFigures?,
        notes: [String]
    ) {
        self.build = BuildConfiguration.name
        self.scale = options.scale
        self.observations = plan.observationCount
        self.patients = plan.patientCount
        self.batches = plan.bundleCount
        self.entriesPerBatch = LoadPlan.entriesPerBundle
        self.meanObservationBytes = meanObservationBytes
        self.readSeconds = options.readSeconds
        self.warmupSeconds = options.warmupSeconds
        self.kilnServer = kilnServer
        self.postgres = postgres
        self.kiln = kiln
        self.baseline = baseline
        self.notes = notes
        self.comparison = ComparisonRow.rows(kiln: kiln, postgres: baseline)
    }
}
