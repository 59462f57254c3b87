#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation
import Synchronization

/// A program run to completion, with its standard output and standard error captured together.
///
/// Foundation's `Process` is not used here: on Linux it learns that a child exited through a
/// descriptor the child inherits, so a child that leaves a daemon behind (`pg_ctl start`) would
/// keep it waiting for as long as the daemon runs. This runner spawns with every descriptor above
/// standard error closed, the default signal dispositions and an empty signal mask, so the daemon
/// holds nothing of this process and reacts to signals as PostgreSQL expects.
struct ChildProcess: Sendable {
    /// What a finished child left behind.
    struct Outcome: Sendable {
        /// The exit status, or 128 plus the signal number when a signal ended it.
        var exitStatus: Int32
        /// Standard output and standard error, interleaved as written.
        var output: String

        /// Whether the program exited with status 0.
        var succeeded: Bool { exitStatus == 0 }
    }

    /// The absolute path of the program.
    var executable: String
    /// The arguments, without the program name.
    var arguments: [String]
    /// The full environment of the child.
    var environment: [String: String]
    /// The directory the child starts in.
    var workingDirectory: String = "/"

    /// This process's environment without the `PG…` variables, which would otherwise redirect
    /// PostgreSQL's client programs (`PGHOST`, `PGSSLMODE`, `PGDATA`, …) away from the cluster.
    static var cleanEnvironment: [String: String] {
        ProcessInfo.processInfo.environment.filter { !$0.key.hasPrefix("PG") }
    }

    /// Runs the program and returns when it has exited.
    ///
    /// The wait happens on a thread of its own, not on a Dispatch global queue: on Linux those
    /// queues and Swift's task executor draw on threads limited to the processor count, so a few
    /// slow `initdb` or `pg_ctl` runs waiting there would hold up every other task.
    func run() async throws -> Outcome {
        try await withCheckedThrowingContinuation { continuation in
            let thread = Thread {
                continuation.resume(with: Result { try runBlocking() })
            }
            thread.name = "kiln.child-process"
            thread.start()
        }
    }

    /// The command as a person would type it, for messages.
    var commandLine: String {
        ([executable] + arguments).map { $0.contains(" ") ? "'\($0)'" : $0 }.joined(separator: " ")
    }

    /// Serialises pipe creation and spawning between callers (see ``runBlocking()``).
    private static let spawnLock = Mutex(())

    private func runBlocking() throws -> Outcome {
        // The pipe is made close-on-exec and handed to the child under one lock, and closed here
        // before the lock is released: a child another caller spawns meanwhile cannot inherit
        // its write end, which would make this caller wait for that child to exit.
        let (readEnd, pid) = try Self.spawnLock.withLock { _ throws -> (Int32, pid_t) in
            var pipeEnds: [Int32] = [-1, -1]
            guard pipe(&pipeEnds) == 0 else {
                throw EmbeddedPostgresError.commandFailed(command: commandLine, exitStatus: -1, output: "pipe: \(String(cString: strerror(errno)))")
            }
            let readEnd = pipeEnds[0]
            let writeEnd = pipeEnds[1]
            _ = fcntl(readEnd, F_SETFD, FD_CLOEXEC)
            _ = fcntl(writeEnd, F_SETFD, FD_CLOEXEC)
            defer { close(writeEnd) }
            do {
                return (readEnd, try spawn(outputTo: writeEnd))
            } catch {
                close(readEnd)
                throw error
            }
        }

        let output = readToEnd(readEnd)
        close(readEnd)
        return Outcome(exitStatus: waitForExit(pid), output: output)
    }

    private func spawn(outputTo writeEnd: Int32) throws -> pid_t {
        #if canImport(Darwin)
        var actions: posix_spawn_file_actions_t?
        #else
        var actions = posix_spawn_file_actions_t()
        #endif
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_adddup2(&actions, writeEnd, 1)
        posix_spawn_file_actions_adddup2(&actions, writeEnd, 2)
        SpawnExtensions.closeDescriptorsAboveStandardError(&actions)
        SpawnExtensions.changeDirectory(&actions, to: workingDirectory)

        #if canImport(Darwin)
        var attributes: posix_spawnattr_t?
        #else
        var attributes = posix_spawnattr_t()
        #endif
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var noSignals = sigset_t()
        sigemptyset(&noSignals)
        var allSignals = sigset_t()
        sigfillset(&allSignals)
        posix_spawnattr_setsigmask(&attributes, &noSignals)
        posix_spawnattr_setsigdefault(&attributes, &allSignals)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))

        let argv = ([executable] + arguments).map { strdup($0) }
        let envp = environment.map { strdup("\($0.key)=\($0.value)") }
        defer {
            argv.forEach { free($0) }
            envp.forEach { free($0) }
        }
        var pid: pid_t = 0
        let result = (argv + [nil]).withUnsafeBufferPointer { argvBuffer in
            (envp + [nil]).withUnsafeBufferPointer { envpBuffer in
                guard let argvBase = argvBuffer.baseAddress, let envpBase = envpBuffer.baseAddress else { return EINVAL }
                return posix_spawn(&pid, executable, &actions, &attributes, argvBase, envpBase)
            }
        }
        guard result == 0 else {
            throw EmbeddedPostgresError.commandFailed(command: commandLine, exitStatus: -1, output: "could not start: \(String(cString: strerror(result)))")
        }
        return pid
    }

    private func readToEnd(_ descriptor: Int32) -> String {
        var bytes: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 16_384)
        while true {
            let count = buffer.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
            if count > 0 {
                bytes.append(contentsOf: buffer[0..<count])
            } else if count == 0 || errno != EINTR {
                break
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    private func waitForExit(_ pid: pid_t) -> Int32 {
        var status: Int32 = 0
        while waitpid(pid, &status, 0) == -1 {
            if errno != EINTR { return -1 }
        }
        let signal = status & 0x7f
        return signal == 0 ? (status >> 8) & 0xff : 128 + signal
    }
}
