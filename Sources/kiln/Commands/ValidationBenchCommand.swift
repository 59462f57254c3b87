import ArgumentParser
import FHIRValidation
import Foundation
import KilnBenchmarks

/// `kiln bench validation`: validations per second against the base definitions and US Core.
struct ValidationBenchCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "validation",
        abstract: "Benchmark profile validation of Synthea and carebundle Patients and Observations (base R4 and US Core).",
        discussion: """
            Figures are only meaningful from a release build:
              swift build -c release --product kiln && .build/release/kiln bench validation
            """
    )

    @Option(help: "Length of each measured loop, in seconds.")
    var seconds: Double = 3

    @Option(help: "Workers of the multi-core loop.")
    var workers: Int = ProcessInfo.processInfo.activeProcessorCount

    @Option(name: .customLong("data"), help: ArgumentHelp("The fhir-data folder holding synthea/ and synthetic-carebundle/ (\(FHIRDataFolder.defaultHelp(""))).", valueName: "DIR"))
    var dataDirectory: String?

    @Option(help: "The most resources read from each sample file.")
    var limit: Int = 500

    func run() async throws {
        guard seconds > 0, workers > 0, limit > 0 else { throw ValidationError("--seconds, --workers and --limit must be positive") }
        let dataDirectory = try FHIRDataFolder.resolve(dataDirectory, "", flag: "--data")
        let validator = try Validator.shipped()
        try await ValidationBenchmark.run(ValidationBenchmarkOptions(seconds: seconds, workers: workers, dataDirectory: dataDirectory, limit: limit), validator: validator)
    }
}
