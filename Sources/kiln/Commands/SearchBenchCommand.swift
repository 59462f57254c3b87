import ArgumentParser
import KilnBenchmarks

/// `kiln bench search`: loads a million synthetic resources into an in-process Kiln and measures
/// six searches over HTTP beside the same searches written by hand in SQL against Kiln's tables.
struct SearchBenchCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "search",
        abstract: "Benchmark Kiln's search over a million resources against hand-written SQL on the same tables.",
        discussion: """
            Figures are only meaningful from a release build:
              swift build -c release --product kiln && .build/release/kiln bench search
            A smoke run: kiln bench search --scale 0.005 --seconds 2
            Kiln runs in process over a fresh database of the test cluster ($KILN_TEST_DATA_DIR,
            else a folder under the system temp directory), dropped at the end.
            """
    )

    @Option(help: "Fraction of the full data set (1,000,000 resources bulk-loaded, 20,000 through the API); 0.005 loads 5,000.")
    var scale: Double = 1.0

    @Option(help: "Length of each measured phase (one search, one system, one concurrency), in seconds.")
    var seconds: Double = SearchBenchmarkOptions.defaultSeconds

    @Option(name: .customLong("warmup-seconds"), help: "Unmeasured searching before each measured phase, in seconds.")
    var warmupSeconds: Double = SearchBenchmarkOptions.defaultWarmupSeconds

    @Option(parsing: .upToNextOption, help: "Concurrencies every search is measured at.")
    var concurrency: [Int] = SearchBenchmarkOptions.defaultConcurrencies

    @Option(help: "Concurrent loaders, for the bulk load and the API ingest.")
    var loaders: Int = SearchBenchmarkOptions.defaultLoaders

    @Option(name: .customLong("batch-resources"), help: "Resources per bulk transaction (whole patients of 20 resources).")
    var batchResources: Int = SearchBenchmarkOptions.defaultBatchResources

    @Option(name: .customLong("api-resources"), help: "Resources posted through the HTTP API (default 20,000 × scale).")
    var apiResources: Int?

    @Option(name: .customLong("deep-page"), help: "The page the deep-page search fetches, reached by following next links.")
    var deepPage: Int = SearchBenchmarkOptions.defaultDeepPage

    @Option(name: .customLong("json"), help: ArgumentHelp("Also write the figures and full query plans to this file as JSON.", valueName: "FILE"))
    var jsonPath: String?

    func run() async throws {
        let options = SearchBenchmarkOptions(
            scale: scale,
            loaders: loaders,
            batchResources: batchResources,
            apiResources: apiResources,
            concurrencies: concurrency,
            seconds: seconds,
            warmupSeconds: warmupSeconds,
            deepPage: deepPage,
            jsonPath: jsonPath
        )
        do {
            try options.validate()
        } catch {
            throw ValidationError(error.description)
        }
        try await SearchBenchmark(options: options).run()
    }
}
