import Foundation
@testable import FHIRStore

/// A data directory for one test, removed afterwards together with every cluster started in it.
///
/// It lives under `$KILN_TEST_DATA_DIR/ep` when `scripts/test.sh` set that variable, so the
/// script's clean-up stops these clusters too if the test process dies; otherwise under
/// `/tmp/kiln-ep-tests`. Both are traversable by the `postgres` user.
struct ScratchDataDirectory: Sendable {
    /// The directory's absolute path.
    let path: String

    /// A new, empty scratch directory.
    static func make() throws -> ScratchDataDirectory {
        let base: String
        if let testRoot = ProcessInfo.processInfo.environment["KILN_TEST_DATA_DIR"], !testRoot.isEmpty {
            base = testRoot + "/ep"
        } else {
            base = "/tmp/kiln-ep-tests"
        }
        try ClusterFiles.createDirectories(base, mode: 0o755)
        let name = String(UInt32.random(in: 0...UInt32.max), radix: 16)
        let path = base + "/" + name
        try ClusterFiles.createDirectories(path, mode: 0o755)
        return ScratchDataDirectory(path: path)
    }

    /// Stops every cluster recorded under the directory, removes cluster folders kept elsewhere
    /// (the root fallback location), then the directory itself.
    func removeAll() async {
        for dataDirectory in recordedDataDirectories() {
            _ = try? await EmbeddedPostgres(dataDirectory: dataDirectory).stop()
            if let record = try? ClusterRecord.read(from: dataDirectory), !record.clusterDirectory.hasPrefix(path + "/") {
                try? FileManager.default.removeItem(atPath: record.clusterDirectory)
            }
        }
        try? FileManager.default.removeItem(atPath: path)
    }

    /// Data directories holding a cluster record: the scratch directory and the folders up to
    /// two levels below it, not descending into cluster folders.
    private func recordedDataDirectories() -> [String] {
        var found: [String] = []
        var level = [path]
        for _ in 0..<3 {
            var next: [String] = []
            for directory in level {
                if FileManager.default.fileExists(atPath: ClusterRecord.path(in: directory)) { found.append(directory) }
                let children = (try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []
                for child in children where child != ClusterLocation.folderName {
                    var isDirectory: ObjCBool = false
                    let childPath = directory + "/" + child
                    if FileManager.default.fileExists(atPath: childPath, isDirectory: &isDirectory), isDirectory.boolValue {
                        next.append(childPath)
                    }
                }
            }
            level = next
        }
        return found
    }
}

/// Runs `body` with a fresh scratch data directory and removes it afterwards, also when `body` throws.
func withScratchDataDirectory(_ body: (ScratchDataDirectory) async throws -> Void) async throws {
    let scratch = try ScratchDataDirectory.make()
    do {
        try await body(scratch)
    } catch {
        await scratch.removeAll()
        throw error
    }
    await scratch.removeAll()
}
