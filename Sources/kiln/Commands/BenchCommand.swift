import ArgumentParser
import KilnBenchmarks

/// `kiln bench`: the benchmarks. `kiln bench` alone (or `kiln bench server`) runs the server
/// benchmark; `kiln bench search` the search one; `kiln bench fhirpath` the FHIRPath one.
struct BenchCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench",
        abstract: "Benchmarks (not tests): the server against raw PostgreSQL, search against hand-written SQL, FHIRPath against fhirpathpy, profile validation, $validate-code, and the research view beside the clinical one.",
        subcommands: [ServerBenchCommand.self, SearchBenchCommand.self, ConsentBenchCommand.self, ResearchBenchCommand.self, FHIRPathBenchCommand.self, ValidationBenchCommand.self, ValidateCodeBenchCommand.self, AuditVerifyBenchCommand.self, AuditCostBenchCommand.self],
        defaultSubcommand: ServerBenchCommand.self
    )
}

/// `kiln bench server`: loads synthetic Observations into Kiln and reads them back, next to the
/// same work done in raw PostgreSQL, and prints both sets of figures and their ratios.
struct ServerBenchCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "server",
        abstract: "Benchmark Kiln's load and read throughput against raw PostgreSQL on this machine.",
        discussion: """
            Figures are only meaningful from a release build:
              swift build -c release && .build/release/kiln bench
            By default an in-process Kiln runs over a fresh database of the test cluster
            ($KILN_TEST_DATA_DIR, else a folder under the system temp directory), and the
            baseline uses a scratch database of the same cluster.
            """
    )

    @Option(help: "Fraction of the full data set (100,000 Observations) to load; 0.01 loads 1,000.")
    var scale: Double = 1.0

    @Option(name: .customLong("concurrency-load"), help: "Concurrent loaders, for Kiln and the baseline.")
    var loaders: Int = BenchmarkOptions.defaultLoaders

    @Option(name: .customLong("read-concurrency"), parsing: .upToNextOption, help: "Concurrencies of the read phases.")
    var readConcurrencies: [Int] = BenchmarkOptions.defaultReadConcurrencies

    @Option(name: .customLong("read-seconds"), help: "Length of each measured read phase, in seconds.")
    var readSeconds: Double = BenchmarkOptions.defaultReadSeconds

    @Option(name: .customLong("warmup-seconds"), help: "Unmeasured reading before each read phase, in seconds.")
    var warmupSeconds: Double = BenchmarkOptions.defaultWarmupSeconds

    @Option(name: .customLong("url"), help: "FHIR base URL of a running Kiln to benchmark instead of an in-process one (e.g. http://127.0.0.1:8080/fhir).")
    var kilnURL: String?

    @Option(name: .customLong("database-url"), help: "PostgreSQL URL for the raw baseline (a scratch table is created and dropped). Required for the baseline with --url.")
    var databaseURL: String?

    @Option(name: .customLong("token"), help: "Bearer access token for the running Kiln of --url when its authorization is on (scopes to write and read Patients and Observations, e.g. system/*.cruds); KILN_BENCH_TOKEN also gives it.")
    var token: String?

    @Option(name: .customLong("json"), help: "Also write the figures to this file as JSON.")
    var jsonPath: String?

    func run() async throws {
        let options = BenchmarkOptions(
            scale: scale,
            loaders: loaders,
            readConcurrencies: readConcurrencies,
            readSeconds: readSeconds,
            warmupSeconds: warmupSeconds,
            kilnURL: kilnURL,
            databaseURL: databaseURL,
            bearerToken: BenchmarkOptions.bearerToken(option: token),
            jsonPath: jsonPath
        )
        do {
            try options.validate()
        } catch {
            throw ValidationError(error.description)
        }
        try await KilnBenchmark(options: options).run()
    }
}
