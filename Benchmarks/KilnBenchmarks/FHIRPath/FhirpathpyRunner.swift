import Foundation

/// Runs `fhirpathpy_bench.py` on a workload file as a subprocess and reads its figures.
struct FhirpathpyRunner: Sendable {
    /// The outcome of the Python side.
    enum Outcome: Sendable {
        /// fhirpathpy measured the workload.
        case measured(FhirpathpyResult)
        /// fhirpathpy could not run; the reason says what to do.
        case skipped(String)
    }

    /// The benchmark's options (interpreter, script, time budget).
    let options: FHIRPathBenchmarkOptions

    /// Runs the script on `workload` and waits for it; its progress goes to standard error.
    func run(workload: URL) async -> Outcome {
        guard let script = locateScript() else {
            return .skipped("\(FHIRPathBenchmarkOptions.fhirpathpyScriptPath) was not found under the working directory or above the executable; run the benchmark from the repository root.")
        }
        let arguments = [
            script, workload.path,
            "--seconds", String(options.seconds),
            "--warmup-seconds", String(options.warmupSeconds),
        ]
        let python = options.python
        let result = await withCheckedContinuation { (continuation: CheckedContinuation<Result<(Int32, Data), any Error>, Never>) in
            DispatchQueue.global().async {
                continuation.resume(returning: Result { try Self.execute(python: python, arguments: arguments) })
            }
        }
        switch result {
        case .failure(let error):
            return .skipped("\(python) could not be started (\(error)); install Python 3, then: pip install fhirpathpy")
        case .success(let (status, output)):
            return Self.outcome(status: status, output: output, python: python)
        }
    }

    private static func outcome(status: Int32, output: Data, python: String) -> Outcome {
        let decoder = JSONDecoder()
        if let problem = try? decoder.decode(FhirpathpyProblem.self, from: output) {
            return .skipped(problem.message)
        }
        if status == 127 {
            return .skipped("\(python) was not found on PATH; install Python 3, then: pip install fhirpathpy")
        }
        guard status == 0 else {
            return .skipped("the fhirpathpy script exited with status \(status) (its messages are above); check that `\(python) -c 'import fhirpathpy'` works, else: pip install fhirpathpy")
        }
        do {
            return .measured(try decoder.decode(FhirpathpyResult.self, from: output))
        } catch {
            return .skipped("the fhirpathpy script's output could not be read: \(error)")
        }
    }

    /// Runs the interpreter and returns its exit status and standard output.
    private static func execute(python: String, arguments: [String]) throws -> (Int32, Data) {
        let process = Process()
        if python.contains("/") {
            process.executableURL = URL(fileURLWithPath: python)
            process.arguments = arguments
        } else {
            process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
            process.arguments = [python] + arguments
        }
        let pipe = Pipe()
        process.standardOutput = pipe
        try process.run()
        let output = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, output)
    }

    /// The script: the explicit path, else under the working directory, else in a folder above the executable.
    private func locateScript() -> String? {
        let fileManager = FileManager.default
        if let path = options.scriptPath { return fileManager.fileExists(atPath: path) ? path : nil }
        let relative = FHIRPathBenchmarkOptions.fhirpathpyScriptPath
        var candidates = [URL(fileURLWithPath: fileManager.currentDirectoryPath).appendingPathComponent(relative)]
        if let executable = Bundle.main.executableURL?.resolvingSymlinksInPath() {
            var folder = executable.deletingLastPathComponent()
            for _ in 0..<5 {
                folder = folder.deletingLastPathComponent()
                candidates.append(folder.appendingPathComponent(relative))
            }
        }
        return candidates.first { fileManager.fileExists(atPath: $0.path) }?.path
    }
}
