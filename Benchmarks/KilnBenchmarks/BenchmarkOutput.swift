#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Where the benchmark writes its progress and report: standard output, flushed line by line so
/// that progress shows up when the output goes to a file or a pipe.
public struct BenchmarkOutput: Sendable {
    /// Output to standard output.
    public init() {}

    /// Writes one line.
    public func line(_ text: String = "") {
        print(text)
        fflush(stdout)
    }
}
