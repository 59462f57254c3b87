import ArgumentParser
import KilnBenchmarks

/// `kiln bench validate-code`: `$validate-code` over HTTP and `validateCode` in process.
struct ValidateCodeBenchCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "validate-code",
        abstract: "Benchmark $validate-code over HTTP (requests/s, latency) and validateCode in process (calls/s).",
        discussion: """
            Figures are only meaningful from a release build:
              swift build -c release && .build/release/kiln bench validate-code
            Without --url an in-process Kiln runs over a fresh database of the test cluster
            ($KILN_TEST_DATA_DIR, else a folder under the system temp directory).
            """
    )

    @Option(help: "Length of each measured phase, in seconds.")
    var seconds: Double = 5

    @Option(parsing: .upToNextOption, help: "Client concurrencies of the HTTP phases.")
    var concurrency: [Int] = [1, 16]

    @Option(help: "Threads of the multi-threaded in-process loop.")
    var workers: Int = 2

    @Option(name: .customLong("url"), help: "FHIR base URL of a running Kiln to measure instead of an in-process one.")
    var kilnURL: String?

    @Option(name: .customLong("token"), help: "Bearer access token for the running Kiln of --url when its authorization is on; KILN_BENCH_TOKEN also gives it.")
    var token: String?

    func run() async throws {
        guard seconds > 0, concurrency.allSatisfy({ $0 > 0 }), workers > 0 else {
            throw ValidationError("--seconds, --concurrency and --workers must be positive")
        }
        try await ValidateCodeBenchmark.run(ValidateCodeBenchmark.Options(seconds: seconds, concurrencies: concurrency, workers: workers, kilnURL: kilnURL,
            bearerToken: BenchmarkOptions.bearerToken(option: token)
        ))
    }
}
