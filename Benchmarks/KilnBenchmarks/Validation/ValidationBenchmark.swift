public import FHIRValidation
public import Foundation

/// The benchmark behind `kiln bench validation`: validations per second of Synthea and
/// carebundle Patients and Observations against the base R4 definitions and against US Core,
/// on one worker and on several, with the median latency of one validation.
///
/// ```swift
/// try await ValidationBenchmark.run(ValidationBenchmarkOptions(seconds: 3, dataDirectory: "/data/fhir-data"))
/// ```
public enum ValidationBenchmark {
    /// Loads the samples, warms the validator up, measures every workload and prints the table.
    public static func run(_ options: ValidationBenchmarkOptions, validator: Validator) async throws {
        let output = BenchmarkOutput()
        output.line("Kiln validation benchmark (\(BuildConfiguration.name))")
        output.line("Samples from \(options.dataDirectory), at most \(options.limit) resources per file; \(options.seconds) s per measurement.")
        let workloads = try ValidationWorkloadBuilder(dataDirectory: options.dataDirectory, limit: options.limit).build()
        output.line()
        output.line(String(format: "%-36@ %9@ %8@ %14@ %14@ %12@", "workload" as NSString, "resources" as NSString, "errors" as NSString, "1 worker /s" as NSString, "\(options.workers) workers /s" as NSString, "median µs" as NSString))
        for workload in workloads {
            let loop = ValidationLoop(validator: validator, workload: workload)
            _ = await loop.run(workers: 1, seconds: min(1, options.seconds))
            let single = await loop.run(workers: 1, seconds: options.seconds)
            let multi = await loop.run(workers: options.workers, seconds: options.seconds)
            let errorShare = single.validations > 0 ? Double(single.withErrors) / Double(single.validations) : 0
            output.line(String(
                format: "%-36@ %9d %7.0f%% %14.0f %14.0f %12.0f",
                workload.name as NSString, workload.items.count, errorShare * 100, single.perSecond, multi.perSecond, single.medianMicroseconds
            ))
        }
        output.line()
        output.line("errors: share of validations that found at least one error (Kiln's verdict on the sample data).")
    }
}

/// What `kiln bench validation` runs.
public struct ValidationBenchmarkOptions: Sendable {
    /// Length of each measured loop, in seconds.
    public var seconds: Double
    /// Workers of the multi-core loop.
    public var workers: Int
    /// The fhir-data folder with synthea/ and synthetic-carebundle/.
    public var dataDirectory: String
    /// The most resources read per sample file.
    public var limit: Int

    /// Options for the fhir-data folder `dataDirectory`; by default 3 s loops, one worker per
    /// core, 500 resources per file.
    public init(seconds: Double = 3, workers: Int = ProcessInfo.processInfo.activeProcessorCount, dataDirectory: String, limit: Int = 500) {
        self.seconds = seconds
        self.workers = workers
        self.dataDirectory = dataDirectory
        self.limit = limit
    }
}
