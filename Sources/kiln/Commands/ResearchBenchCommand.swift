import ArgumentParser
import KilnBenchmarks

/// `kiln bench research`: what the de-identified research view costs, in process and over HTTP.
struct ResearchBenchCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "research",
        abstract: "Benchmark de-identification in process and the research view's read and search beside the clinical ones.",
        discussion: """
            Figures are only meaningful from a release build:
              swift build -c release --product kiln && .build/release/kiln bench research
            A smoke run: kiln bench research --scale 0.002 --seconds 0.5 --warmup-seconds 0 --engine-seconds 0.2
            Kiln runs in process, with authorization on, over a fresh database of the test cluster
            ($KILN_TEST_DATA_DIR, else a folder under the system temp directory), dropped at the end.
            """
    )

    @Option(help: "Fraction of the search benchmark's 1,000,000 resources to load; 0.1 loads 100,000.")
    var scale: Double = ResearchBenchmarkOptions.defaultScale

    @Option(name: .customLong("engine-seconds"), help: "Seconds of each in-process de-identification loop (one profile, one resource).")
    var engineSeconds: Double = ResearchBenchmarkOptions.defaultEngineSeconds

    @Option(help: "Measured seconds of each side of a comparison (clinical and research), over all rounds.")
    var seconds: Double = SearchBenchmarkOptions.defaultSeconds

    @Option(help: "Rounds each comparison is measured in, its two sides alternating.")
    var rounds: Int = ResearchBenchmarkOptions.defaultRounds

    @Option(name: .customLong("warmup-seconds"), help: "Unmeasured requests before each side of a comparison, in seconds.")
    var warmupSeconds: Double = SearchBenchmarkOptions.defaultWarmupSeconds

    @Option(parsing: .upToNextOption, help: "Concurrencies every comparison is measured at.")
    var concurrency: [Int] = SearchBenchmarkOptions.defaultConcurrencies

    @Option(help: "Concurrent bulk loaders.")
    var loaders: Int = SearchBenchmarkOptions.defaultLoaders

    @Option(name: .customLong("json"), help: ArgumentHelp("Also write the figures to this file as JSON.", valueName: "FILE"))
    var jsonPath: String?

    /// Checks the options and runs the benchmark.
    func run() async throws {
        let options = ResearchBenchmarkOptions(
            scale: scale, loaders: loaders, engineSeconds: engineSeconds, rounds: rounds,
            concurrencies: concurrency, seconds: seconds, warmupSeconds: warmupSeconds, jsonPath: jsonPath
        )
        do {
            try options.validate()
        } catch {
            throw ValidationError(error.description)
        }
        try await ResearchBenchmark(options: options).run()
    }
}
