/// Where a new cluster's folder goes.
///
/// Inside the data directory (`<data-dir>/postgres`) when the cluster's user can traverse the
/// data directory and every folder above it. A root process whose data directory is out of that
/// user's reach (under `/root`, mode 700, say) puts the cluster under
/// `/var/lib/kiln/clusters/<hash of the data directory's absolute path>` instead: a place that
/// survives reboots, unlike `/tmp`. The record in the data directory names the folder chosen.
enum ClusterLocation {
    /// The cluster folder's name inside a reachable data directory.
    static let folderName = "postgres"
    /// Where clusters of unreachable data directories go.
    static let fallbackRoot = "/var/lib/kiln/clusters"

    /// The cluster folder for `dataDirectory` (absolute), reachable by `user`.
    static func choose(dataDirectory: String, user: ClusterUser) async throws -> String {
        if try await user.canTraverse(dataDirectory) {
            return dataDirectory + "/" + folderName
        }
        let fallback = fallbackDirectory(for: dataDirectory)
        try ClusterFiles.createDirectories(fallbackRoot, mode: 0o755)
        guard try await user.canTraverse(fallbackRoot) else {
            throw EmbeddedPostgresError.noReachableLocation(dataDirectory: dataDirectory, fallback: fallbackRoot, user: user.name)
        }
        return fallback
    }

    /// The fallback cluster folder of a data directory: the same path gives the same folder on every run.
    static func fallbackDirectory(for dataDirectory: String) -> String {
        fallbackRoot + "/" + stableHash(dataDirectory)
    }

    /// The 64-bit FNV-1a hash of the text's UTF-8 bytes, as 16 hex digits.
    ///
    /// Swift's `Hasher` is seeded per process, so it cannot name a folder that must be found again.
    static func stableHash(_ text: String) -> String {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in text.utf8 {
            hash ^= UInt64(byte)
            hash = hash &* 0x0000_0100_0000_01b3
        }
        let digits = String(hash, radix: 16)
        return String(repeating: "0", count: 16 - digits.count) + digits
    }
}
