import Foundation

/// The machine the benchmark ran on, for the report's header.
public struct MachineFacts: Sendable, Hashable, Codable {
    /// The processor's model name (from `/proc/cpuinfo` where there is one).
    public let processor: String
    /// Active processor cores.
    public let cores: Int
    /// Physical memory, in GiB.
    public let memoryGiB: Double
    /// The operating system.
    public let operatingSystem: String

    /// The 1-minute load average (from `/proc/loadavg`), or `unknown`.
    static func loadAverage() -> String {
        let text = (try? String(contentsOfFile: "/proc/loadavg", encoding: .utf8)) ?? ""
        return text.split(separator: " ").first.map(String.init) ?? "unknown"
    }

    /// This machine.
    static func current() -> MachineFacts {
        let info = ProcessInfo.processInfo
        let cpuinfo = (try? String(contentsOfFile: "/proc/cpuinfo", encoding: .utf8)) ?? ""
        let model = cpuinfo.split(separator: "\n").first { $0.hasPrefix("model name") }
            .map { $0.split(separator: ":", maxSplits: 1).last.map { String($0).trimmingCharacters(in: .whitespaces) } ?? "" }
        return MachineFacts(
            processor: model ?? "unknown",
            cores: info.activeProcessorCount,
            memoryGiB: (Double(info.physicalMemory) / 1_073_741_824 * 10).rounded() / 10,
            operatingSystem: info.operatingSystemVersionString
        )
    }
}
