public import Foundation
import Synchronization

/// A `kiln serve` running as a separate process, for tests that must kill the server.
public final class KilnProcess: Sendable {
    private let process: Process
    /// The FHIR base URL the server reported when it became ready.
    public let baseURL: String

    private init(process: Process, baseURL: String) {
        self.process = process
        self.baseURL = baseURL
    }

    /// The `kiln` executable: `$KILN_BINARY`, or the debug build of this package.
    public static func executableURL(filePath: String = #filePath) throws -> URL {
        if let path = ProcessInfo.processInfo.environment["KILN_BINARY"], !path.isEmpty {
            return URL(fileURLWithPath: path)
        }
        var directory = URL(fileURLWithPath: filePath).deletingLastPathComponent()
        while directory.path != "/" {
            for configuration in ["debug", "release"] {
                let candidate = directory.appendingPathComponent(".build/\(configuration)/kiln")
                if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
            }
            directory.deleteLastPathComponent()
        }
        throw KilnProcessError.executableNotFound
    }

    /// Starts `kiln serve` on a free loopback port against `databaseURL` and waits until it is ready.
    public static func start(databaseURL: String, timeout: Duration = .seconds(60)) async throws -> KilnProcess {
        try await start(arguments: ["--database-url", databaseURL], timeout: timeout)
    }

    /// Starts `kiln serve --host 127.0.0.1 --port 0 ARGUMENTS…` (with `--auth off` unless the
    /// arguments set `--auth`) and waits until it is ready. `environment` is added to this
    /// process's environment (e.g. `KILN_ADMIN_PASSWORD`).
    public static func start(arguments: [String], environment: [String: String] = [:], timeout: Duration = .seconds(60)) async throws -> KilnProcess {
        let process = Process()
        process.executableURL = try executableURL()
        if !environment.isEmpty {
            process.environment = ProcessInfo.processInfo.environment.merging(environment) { _, added in added }
        }
        // Tests of other concerns run without tokens unless they ask for `--auth on`.
        let authentication = arguments.contains("--auth") ? [] : ["--auth", "off"]
        process.arguments = ["serve", "--host", "127.0.0.1", "--port", "0", "--log-level", "error"] + authentication + arguments
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.standardError
        try process.run()
        let ready = Mutex<String?>(nil)
        let reader = output.fileHandleForReading
        // Reading a pipe blocks, so it gets a thread of its own rather than one of the few
        // threads of the concurrency pool (two on a 2-core machine).
        let thread = Thread {
            var buffer = ""
            while true {
                let data = reader.availableData
                if data.isEmpty { return }
                buffer += String(decoding: data, as: UTF8.self)
                if let range = buffer.range(of: "Kiln is ready at "), let end = buffer[range.upperBound...].firstIndex(of: "\n") {
                    let url = String(buffer[range.upperBound..<end])
                    ready.withLock { $0 = url }
                    buffer = ""
                }
            }
        }
        thread.start()
        let deadline = ContinuousClock.now + timeout
        while ContinuousClock.now < deadline {
            if let url = ready.withLock({ $0 }) {
                return KilnProcess(process: process, baseURL: url)
            }
            guard process.isRunning else { throw KilnProcessError.exited(process.terminationStatus) }
            try await Task.sleep(for: .milliseconds(50))
        }
        process.terminate()
        throw KilnProcessError.notReady
    }

    /// Runs another `kiln` command to its end and returns its exit status and standard output.
    public static func run(_ arguments: [String]) async throws -> (status: Int32, output: String) {
        let process = Process()
        process.executableURL = try executableURL()
        process.arguments = arguments
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.standardError
        try process.run()
        let collected = Mutex(Data())
        let reader = output.fileHandleForReading
        let thread = Thread {
            let data = reader.readDataToEndOfFile()
            collected.withLock { $0 = data }
        }
        thread.start()
        while process.isRunning { try await Task.sleep(for: .milliseconds(10)) }
        // The pipe reaches its end once the process is gone; wait briefly for the reader.
        for _ in 0..<100 where collected.withLock({ $0.isEmpty }) {
            try await Task.sleep(for: .milliseconds(10))
        }
        return (process.terminationStatus, String(decoding: collected.withLock { $0 }, as: UTF8.self))
    }

    /// Sends `signal` (e.g. `SIGKILL`) and waits for the process to end.
    public func kill(_ signal: Int32) async {
        Foundation.kill(process.processIdentifier, signal)
        while process.isRunning {
            try? await Task.sleep(for: .milliseconds(10))
        }
    }
}

/// Why a `kiln` process could not be used.
public enum KilnProcessError: Error, CustomStringConvertible {
    /// No built `kiln` executable was found.
    case executableNotFound
    /// The process ended before it was ready.
    case exited(Int32)
    /// The process did not report readiness in time.
    case notReady

    /// A message for the test log.
    public var description: String {
        switch self {
        case .executableNotFound: "No kiln executable: build it first (swift build; scripts/test.sh does) or set KILN_BINARY"
        case .exited(let status): "kiln exited with status \(status) before it was ready"
        case .notReady: "kiln did not report 'Kiln is ready at' in time"
        }
    }
}
