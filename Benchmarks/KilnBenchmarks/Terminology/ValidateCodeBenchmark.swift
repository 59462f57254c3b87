import FHIRModel
import FHIRTerminology
import Foundation
import KilnTesting
import Synchronization

/// `kiln bench validate-code`: `$validate-code` requests per second over HTTP against an embedded
/// server (or a running one), with latency percentiles, and `validateCode` calls per second in
/// process on one thread and on several.
public enum ValidateCodeBenchmark {
    /// The options.
    public struct Options: Sendable {
        /// The measured seconds of each phase.
        public var seconds: Double
        /// The client concurrencies of the HTTP phases.
        public var concurrencies: [Int]
        /// The threads of the multi-threaded in-process loop.
        public var workers: Int
        /// A running Kiln to measure instead of an embedded one.
        public var kilnURL: String?
        /// A bearer access token for the running Kiln, when its authorization is on.
        public var bearerToken: String?

        /// Options.
        public init(seconds: Double, concurrencies: [Int], workers: Int, kilnURL: String?, bearerToken: String? = nil) {
            self.seconds = seconds
            self.concurrencies = concurrencies
            self.workers = workers
            self.kilnURL = kilnURL
            self.bearerToken = bearerToken
        }
    }

    /// Runs the benchmark and prints its figures.
    public static func run(_ options: Options) async throws {
        if options.bearerToken != nil, options.kilnURL == nil {
            throw BenchmarkError.invalidOption("--token is for a running Kiln: give its FHIR base with --url (the in-process server runs without authorization)")
        }
        let workload = ValidateCodeWorkload()
        print("validate-code benchmark (\(BuildConfiguration.name) build, \(ProcessInfo.processInfo.activeProcessorCount) cores)")
        let terminology = try TerminologyService.loadDefault()
        let loadStart = ContinuousClock.now
        _ = terminology.lookup(system: KnownSystems.icd10CM, code: "E11.9")
        print(String(format: "  first ICD-10-CM lookup (loads the code system): %.1f ms", (ContinuousClock.now - loadStart).seconds * 1000))
        try inProcess(workload, terminology: terminology, options: options)
        if let url = options.kilnURL {
            let headers = BenchmarkOptions.headers(bearerToken: options.bearerToken)
            try await http(workload, client: KilnClient(baseURL: url, headers: headers), options: options)
        } else {
            try await TestServer.run(databaseConnections: 8) { server in
                try await http(workload, client: server.client, options: options)
            }
        }
    }

    private static func inProcess(_ workload: ValidateCodeWorkload, terminology: TerminologyService, options: Options) throws {
        let service = try terminology.adding([JSONParser().parse(ValidateCodeWorkload.diabetesValueSetJSON)])
        let requests = workload.requests
        for request in requests { _ = service.validateCode(request) }
        let single = loop(seconds: options.seconds) { iteration in _ = service.validateCode(requests[iteration % requests.count]) }
        print(String(format: "  in process, 1 thread:   %10.0f validateCode calls/s", single))
        let workers = max(1, options.workers)
        let counts = Mutex<[Double]>([])
        DispatchQueue.concurrentPerform(iterations: workers) { worker in
            let rate = loop(seconds: options.seconds) { iteration in _ = service.validateCode(requests[(iteration + worker) % requests.count]) }
            counts.withLock { $0.append(rate) }
        }
        print(String(format: "  in process, %d threads: %10.0f validateCode calls/s", workers, counts.withLock { $0.reduce(0, +) }))
    }

    private static func loop(seconds: Double, _ body: (Int) -> Void) -> Double {
        let clock = ContinuousClock()
        let end = clock.now + .milliseconds(Int(seconds * 1000))
        let start = clock.now
        var iterations = 0
        while clock.now < end {
            for _ in 0..<100 {
                body(iterations)
                iterations += 1
            }
        }
        return Double(iterations) / (clock.now - start).seconds
    }

    private static func http(_ workload: ValidateCodeWorkload, client: KilnClient, options: Options) async throws {
        let stored = try await client.post("ValueSet", json: JSONParser().parse(ValidateCodeWorkload.diabetesValueSetJSON))
        guard stored.status == 201, let id = stored.json?["id"]?.stringValue else {
            throw BenchmarkError.unexpectedResponse(request: "POST ValueSet", status: stored.status, body: stored.text)
        }
        // The stored ValueSet is checked at instance level; the others by url.
        let paths = workload.paths.map { path in
            path.contains("bench-diabetes")
                ? path.replacingOccurrences(of: "ValueSet/$validate-code?", with: "ValueSet/\(id)/$validate-code?")
                : path
        }
        for path in paths {
            let response = try await client.get(path)
            guard response.status == 200 else {
                throw BenchmarkError.unexpectedResponse(request: "GET \(path)", status: response.status, body: response.text)
            }
        }
        for concurrency in options.concurrencies {
            let figures = try await ReadDriver.run(
                concurrency: concurrency, warmup: .seconds(1), duration: .milliseconds(Int(options.seconds * 1000)), keys: paths.count
            ) { key in
                let response = try await client.get(paths[key])
                guard response.status == 200 else {
                    throw BenchmarkError.unexpectedResponse(request: "GET \(paths[key])", status: response.status, body: response.text)
                }
            }
            print(String(
                format: "  HTTP $validate-code, %3d clients: %8.0f requests/s, median %.2f ms, p99 %.2f ms",
                concurrency, figures.requestsPerSecond, figures.latency.p50Milliseconds, figures.latency.p99Milliseconds
            ))
        }
    }
}
