#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// An exclusive `flock(2)` on `<data-dir>/postgres.lock`, held while a cluster is started or stopped.
///
/// Two processes (or two tasks: each holds its own open file) starting the same data directory
/// take turns, so only one of them runs `initdb` or `pg_ctl start`; the other then finds the
/// cluster running and attaches. The kernel drops the lock when its holder dies, so a crash
/// never leaves the data directory locked. Waiting polls without blocking a thread.
enum DataDirectoryLock {
    /// The lock file's name inside the data directory.
    static let fileName = "postgres.lock"
    /// How often a waiting caller tries again.
    static let pollInterval: Duration = .milliseconds(50)

    /// Runs `body` while holding the lock of `dataDirectory`, waiting at most `timeoutSeconds`
    /// for another holder first.
    static func withLock<Result>(
        dataDirectory: String,
        timeoutSeconds: Int,
        _ body: () async throws -> Result
    ) async throws -> Result {
        let descriptor = try await acquire(path: dataDirectory + "/" + fileName, timeoutSeconds: timeoutSeconds)
        defer {
            flock(descriptor, LOCK_UN)
            close(descriptor)
        }
        return try await body()
    }

    private static func acquire(path: String, timeoutSeconds: Int) async throws -> Int32 {
        // Read-only is enough for flock, so users who may not write the file can still lock it.
        let descriptor = open(path, O_RDONLY | O_CREAT | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else {
            throw EmbeddedPostgresError.dataDirectory(path: path, reason: "cannot open the lock file: \(String(cString: strerror(errno)))")
        }
        let deadline = ContinuousClock.now + .seconds(timeoutSeconds)
        while flock(descriptor, LOCK_EX | LOCK_NB) != 0 {
            let failure = errno
            guard failure == EWOULDBLOCK || failure == EINTR else {
                close(descriptor)
                throw EmbeddedPostgresError.dataDirectory(path: path, reason: "cannot lock: \(String(cString: strerror(failure)))")
            }
            guard ContinuousClock.now < deadline else {
                close(descriptor)
                throw EmbeddedPostgresError.lockTimeout(lockFile: path, seconds: timeoutSeconds)
            }
            do {
                try await Task.sleep(for: pollInterval)
            } catch {
                close(descriptor)
                throw error
            }
        }
        return descriptor
    }
}
