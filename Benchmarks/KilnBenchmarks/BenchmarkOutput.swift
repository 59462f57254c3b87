import Foundation

/// Where the benchmark writes its progress and report: standard output, written line by line
/// without buffering so that progress shows up when the output goes to a file or a pipe.
public struct BenchmarkOutput: Sendable {
    /// Output to standard output.
    public init() {}

    /// Writes one line.
    public func line(_ text: String = "") {
        FileHandle.standardOutput.write(Data((text + "\n").utf8))
    }
}
