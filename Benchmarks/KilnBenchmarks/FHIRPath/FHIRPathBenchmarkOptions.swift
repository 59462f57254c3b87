import Foundation

/// How to run the FHIRPath benchmark (`kiln bench fhirpath`): how long to measure, where the
/// example resources are, and how many workers share the compiled expressions.
///
/// ```swift
/// try await FHIRPathBenchmark.run(FHIRPathBenchmarkOptions(seconds: 5, examplesDirectory: "/data/fhir-data"))
/// ```
public struct FHIRPathBenchmarkOptions: Sendable, Hashable {
    /// Length of each measured loop by default: 3 seconds.
    public static let defaultSeconds = 3.0
    /// The shortest measured loop accepted: 2 seconds, so that timer and scheduling noise stay small.
    public static let minimumSeconds = 2.0
    /// Unmeasured evaluation before each measured loop by default: 1 second.
    public static let defaultWarmupSeconds = 1.0
    /// The comparison script, relative to the repository root.
    public static let fhirpathpyScriptPath = "Benchmarks/fhirpath/fhirpathpy_bench.py"
    /// The Python interpreter by default, looked up on `PATH`: `python3`.
    public static let defaultPython = "python3"

    /// Workers of the multi-core loop by default: the number of active processors.
    public static var defaultWorkers: Int { ProcessInfo.processInfo.activeProcessorCount }

    /// Length of each measured loop (Kiln on one thread, Kiln on all workers, fhirpathpy), in seconds.
    public var seconds: Double
    /// Unmeasured evaluation before each measured loop, in seconds.
    public var warmupSeconds: Double
    /// The fhir-data folder holding `examples/r4-spec/` and `synthea/ndjson/`.
    public var examplesDirectory: String
    /// Concurrent workers of the multi-core loop.
    public var workers: Int
    /// A file to write the figures to as JSON.
    public var jsonPath: String?
    /// The Python interpreter that runs the fhirpathpy side.
    public var python: String
    /// The comparison script; nil looks for ``fhirpathpyScriptPath`` under the working directory,
    /// then above the executable.
    public var scriptPath: String?

    /// Options with the documented defaults unless given.
    public init(
        seconds: Double = FHIRPathBenchmarkOptions.defaultSeconds,
        warmupSeconds: Double = FHIRPathBenchmarkOptions.defaultWarmupSeconds,
        examplesDirectory: String,
        workers: Int = FHIRPathBenchmarkOptions.defaultWorkers,
        jsonPath: String? = nil,
        python: String = FHIRPathBenchmarkOptions.defaultPython,
        scriptPath: String? = nil
    ) {
        self.seconds = seconds
        self.warmupSeconds = warmupSeconds
        self.examplesDirectory = examplesDirectory
        self.workers = workers
        self.jsonPath = jsonPath
        self.python = python
        self.scriptPath = scriptPath
    }

    /// Checks that every value can be used.
    public func validate() throws(BenchmarkError) {
        guard seconds.isFinite, seconds >= Self.minimumSeconds else {
            throw .invalidOption("--seconds must be at least \(Self.minimumSeconds)")
        }
        guard warmupSeconds.isFinite, warmupSeconds >= 0 else { throw .invalidOption("the warm-up must be zero seconds or more") }
        guard workers >= 1 else { throw .invalidOption("--workers must be at least 1") }
    }
}
