import ArgumentParser
import KilnBenchmarks

/// `kiln bench consent`: the cost of consent enforcement at the search benchmark's scale.
struct ConsentBenchCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "consent",
        abstract: "Benchmark searches with and without the consent check over a million resources, one patient in ten holding a Consent.",
        discussion: """
            Figures are only meaningful from a release build:
              swift build -c release --product kiln && .build/release/kiln bench consent
            A smoke run: kiln bench consent --scale 0.005 --seconds 1 --warmup-seconds 0
            Kiln runs in process over a fresh database of the test cluster ($KILN_TEST_DATA_DIR,
            else a folder under the system temp directory), dropped at the end.
            """
    )

    @Option(help: "Fraction of the full data set (1,000,000 resources); 0.005 loads 5,000.")
    var scale: Double = 1.0

    @Option(name: .customLong("consent-share"), help: "The share of patients holding a Consent.")
    var consentShare: Double = ConsentBenchmarkOptions.defaultConsentShare

    @Option(name: .customLong("assigned-patients"), help: "Patients assigned to the clinician whose searches are measured.")
    var assignedPatients: Int = ConsentBenchmarkOptions.defaultAssignedPatients

    @Option(help: "Measured seconds of each side of a comparison (without and with the check), over all rounds.")
    var seconds: Double = SearchBenchmarkOptions.defaultSeconds

    @Option(help: "Rounds each comparison is measured in, its two sides alternating.")
    var rounds: Int = ConsentBenchmarkOptions.defaultRounds

    @Option(name: .customLong("warmup-seconds"), help: "Unmeasured requests before each side of a comparison, in seconds.")
    var warmupSeconds: Double = SearchBenchmarkOptions.defaultWarmupSeconds

    @Option(parsing: .upToNextOption, help: "Concurrencies every search and write is measured at.")
    var concurrency: [Int] = SearchBenchmarkOptions.defaultConcurrencies

    @Option(help: "Concurrent bulk loaders.")
    var loaders: Int = SearchBenchmarkOptions.defaultLoaders

    @Option(name: .customLong("json"), help: ArgumentHelp("Also write the figures and full query plans to this file as JSON.", valueName: "FILE"))
    var jsonPath: String?

    func run() async throws {
        let options = ConsentBenchmarkOptions(
            scale: scale, loaders: loaders, consentShare: consentShare, assignedPatients: assignedPatients, rounds: rounds,
            concurrencies: concurrency, seconds: seconds, warmupSeconds: warmupSeconds, jsonPath: jsonPath
        )
        do {
            try options.validate()
        } catch {
            throw ValidationError(error.description)
        }
        try await ConsentBenchmark(options: options).run()
    }
}
