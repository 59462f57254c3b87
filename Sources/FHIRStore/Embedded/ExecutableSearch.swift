import Foundation

/// Finds a program by name on `PATH` and in the system folders that a non-login `PATH` may omit.
enum ExecutableSearch {
    /// Folders searched after `PATH`: `runuser` lives in `/usr/sbin`, which ordinary users often lack.
    static let systemFolders = ["/usr/local/sbin", "/usr/local/bin", "/usr/sbin", "/usr/bin", "/sbin", "/bin"]

    /// The absolute path of the first executable file called `name`, if any.
    static func find(_ name: String) -> String? {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? ""
        let folders = path.split(separator: ":").map(String.init) + systemFolders
        for folder in folders where !folder.isEmpty {
            let candidate = folder + "/" + name
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
        }
        return nil
    }
}
