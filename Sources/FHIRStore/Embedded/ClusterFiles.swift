#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation

/// The few file operations the cluster needs, with errors that name the path.
enum ClusterFiles {
    /// `path` made absolute against the current directory, with `.` and `..` resolved.
    static func absolutePath(_ path: String) -> String {
        let base = path.hasPrefix("/") ? path : FileManager.default.currentDirectoryPath + "/" + path
        var components: [Substring] = []
        for component in base.split(separator: "/") {
            switch component {
            case ".": continue
            case "..": _ = components.popLast()
            default: components.append(component)
            }
        }
        return "/" + components.joined(separator: "/")
    }

    /// Creates `path` and any missing parents, each new folder with `mode` (not narrowed by the umask).
    static func createDirectories(_ path: String, mode: mode_t) throws {
        var current = ""
        for component in path.split(separator: "/") {
            current += "/" + component
            if mkdir(current, mode) == 0 {
                chmod(current, mode)
            } else if errno != EEXIST {
                throw EmbeddedPostgresError.dataDirectory(path: current, reason: "cannot create it: \(String(cString: strerror(errno)))")
            }
        }
    }

    /// Makes `path` exist, belong to `user` and be private to it (mode 700), as PostgreSQL requires.
    static func createPrivateDirectory(_ path: String, owner user: ClusterUser) throws {
        if mkdir(path, 0o700) != 0 && errno != EEXIST {
            throw EmbeddedPostgresError.dataDirectory(path: path, reason: "cannot create it: \(String(cString: strerror(errno)))")
        }
        if user.needsSwitch, chown(path, user.uid, user.gid) != 0 {
            throw EmbeddedPostgresError.dataDirectory(path: path, reason: "cannot give it to \(user.name): \(String(cString: strerror(errno)))")
        }
        if chmod(path, 0o700) != 0 {
            throw EmbeddedPostgresError.dataDirectory(path: path, reason: "cannot make it private: \(String(cString: strerror(errno)))")
        }
    }

    /// Writes `text` to `path` and gives the file to `user`, so the server can read it.
    static func write(_ text: String, to path: String, owner user: ClusterUser) throws {
        do {
            try Data(text.utf8).write(to: URL(fileURLWithPath: path), options: .atomic)
        } catch {
            throw EmbeddedPostgresError.dataDirectory(path: path, reason: "cannot write it: \(error)")
        }
        if user.needsSwitch { chown(path, user.uid, user.gid) }
        chmod(path, 0o600)
    }

    /// Appends a line to an existing file, unless the file already holds that exact line.
    static func appendLineOnce(_ line: String, to path: String) throws {
        let url = URL(fileURLWithPath: path)
        do {
            let existing = try String(contentsOf: url, encoding: .utf8)
            if existing.split(separator: "\n").contains(Substring(line)) { return }
            let handle = try FileHandle(forWritingTo: url)
            defer { try? handle.close() }
            try handle.seekToEnd()
            let separator = existing.hasSuffix("\n") || existing.isEmpty ? "" : "\n"
            try handle.write(contentsOf: Data((separator + line + "\n").utf8))
        } catch {
            throw EmbeddedPostgresError.dataDirectory(path: path, reason: "cannot add '\(line)': \(error)")
        }
    }

    /// The last `count` lines of a text file, or a note saying it could not be read.
    static func tail(of path: String, lines count: Int) -> String {
        guard let text = try? String(contentsOf: URL(fileURLWithPath: path), encoding: .utf8) else {
            return "(\(path) could not be read)"
        }
        return text.split(separator: "\n", omittingEmptySubsequences: false).suffix(count).joined(separator: "\n")
    }
}
