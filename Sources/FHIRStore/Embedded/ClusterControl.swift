import Foundation

/// The PostgreSQL programs run against one recorded cluster: `initdb`, `pg_ctl`, `pg_isready`, `psql`.
///
/// Server programs run as the cluster's user; client programs run as this process and connect
/// over TCP, so they work whoever owns the cluster.
struct ClusterControl: Sendable {
    /// The cluster.
    var record: ClusterRecord
    /// Its programs.
    var binaries: PostgresBinaries
    /// The user that owns it.
    var user: ClusterUser

    /// How long `pg_isready` waits for one answer, in seconds.
    static let readinessProbeSeconds = 3
    /// How often a start waits to see whether a running server accepts connections yet.
    static let readinessPollInterval: Duration = .milliseconds(100)
    /// How many lines of the server log a start failure quotes.
    static let logTailLines = 15

    /// Whether `PGDATA` holds a cluster: its control file exists. Without one no server can
    /// start there, so what a killed `initdb` left may be replaced; with one, nothing is ever
    /// deleted.
    var isInitialized: Bool {
        FileManager.default.fileExists(atPath: record.pgData + "/global/pg_control")
    }

    /// Creates the cluster folder (private to the user) and runs `initdb` in it, replacing what
    /// an interrupted earlier `initdb` left behind.
    func initialize() async throws {
        let parent = (record.clusterDirectory as NSString).deletingLastPathComponent
        try ClusterFiles.createDirectories(parent, mode: 0o755)
        try ClusterFiles.createPrivateDirectory(record.clusterDirectory, owner: user)
        if FileManager.default.fileExists(atPath: record.pgData) {
            try FileManager.default.removeItem(atPath: record.pgData)
        }
        try await runServerProgram("initdb", [
            "-D", record.pgData, "-U", record.username, "--auth=trust",
            "-E", "UTF8", "--locale=C.UTF-8", "--no-sync",
        ])
    }

    /// Writes `kiln.conf` for the next start, and makes sure `postgresql.conf` includes it.
    func writeConfiguration(_ settings: EmbeddedPostgres.Settings) throws {
        try ClusterFiles.appendLineOnce(ServerSettingsFile.includeLine, to: record.pgData + "/postgresql.conf")
        let configuration = ServerSettingsFile(settings: settings, host: record.host, port: record.port, socketDirectory: record.socketDirectory)
        try ClusterFiles.write(configuration.contents, to: record.pgData + "/" + ServerSettingsFile.fileName, owner: user)
    }

    /// Whether a server process runs on `PGDATA` (`pg_ctl status`).
    func isRunning() async throws -> Bool {
        let outcome = try await user.process(binaries.path("pg_ctl"), ["status", "-D", record.pgData]).run()
        switch outcome.exitStatus {
        case 0: return true
        case 3, 4: return false  // no server running; no such data folder
        default:
            throw EmbeddedPostgresError.commandFailed(command: "pg_ctl status -D \(record.pgData)", exitStatus: outcome.exitStatus, output: outcome.output)
        }
    }

    /// Whether the server accepts connections on the recorded host and port (`pg_isready`).
    func isAnswering() async -> Bool {
        let child = ChildProcess(
            executable: binaries.path("pg_isready"),
            arguments: ["-q", "-h", record.host, "-p", String(record.port), "-U", record.username, "-d", "postgres", "-t", String(Self.readinessProbeSeconds)],
            environment: ChildProcess.cleanEnvironment
        )
        return (try? await child.run().succeeded) ?? false
    }

    /// Waits until the server accepts connections, for at most `seconds`.
    func waitUntilAnswering(seconds: Int) async throws {
        let deadline = ContinuousClock.now + .seconds(seconds)
        while !(await isAnswering()) {
            guard ContinuousClock.now < deadline else {
                throw EmbeddedPostgresError.notAnswering(host: record.host, port: record.port, seconds: seconds)
            }
            try await Task.sleep(for: Self.readinessPollInterval)
        }
    }

    /// Starts the server and waits until it accepts connections. The server detaches from this
    /// process (`pg_ctl` gives it its own Unix session with setsid), so it outlives a killed caller.
    func start(timeoutSeconds: Int) async throws {
        let outcome = try await user.process(binaries.path("pg_ctl"), [
            "start", "-D", record.pgData, "-l", record.logFile, "-w", "-t", String(timeoutSeconds), "-s",
        ]).run()
        guard outcome.succeeded else {
            throw EmbeddedPostgresError.startFailed(logFile: record.logFile, logTail: ClusterFiles.tail(of: record.logFile, lines: Self.logTailLines), output: outcome.output)
        }
    }

    /// Stops the server: ends client connections, checkpoints, and waits for it to exit.
    func stop(timeoutSeconds: Int) async throws {
        try await runServerProgram("pg_ctl", ["stop", "-D", record.pgData, "-m", "fast", "-w", "-t", String(timeoutSeconds), "-s"])
    }

    /// Creates the Kiln database unless it exists.
    func ensureDatabase() async throws {
        let exists = try await query("SELECT 1 FROM pg_database WHERE datname = '\(record.database)'", database: "postgres")
        if exists.trimmingCharacters(in: .whitespacesAndNewlines) != "1" {
            _ = try await query("CREATE DATABASE \"\(record.database)\"", database: "postgres")
        }
    }

    /// Runs one SQL statement with `psql` over TCP and returns its unaligned, tuples-only output.
    func query(_ sql: String, database: String? = nil) async throws -> String {
        let child = ChildProcess(
            executable: binaries.path("psql"),
            arguments: [
                "-X", "-q", "-A", "-t", "-v", "ON_ERROR_STOP=1",
                "-h", record.host, "-p", String(record.port), "-U", record.username, "-d", database ?? record.database,
                "-c", sql,
            ],
            environment: ChildProcess.cleanEnvironment.merging(["PGCONNECT_TIMEOUT": "10"]) { $1 }
        )
        let outcome = try await child.run()
        guard outcome.succeeded else {
            throw EmbeddedPostgresError.commandFailed(command: child.commandLine, exitStatus: outcome.exitStatus, output: outcome.output)
        }
        return outcome.output
    }

    /// Whether the last start failed because the port was taken after it was chosen.
    static func isPortConflict(_ error: any Error) -> Bool {
        guard case .startFailed(_, let logTail, let output) = error as? EmbeddedPostgresError else { return false }
        let text = logTail + output
        return text.contains("could not bind") || text.contains("Address already in use")
    }

    private func runServerProgram(_ program: String, _ arguments: [String]) async throws {
        let child = try user.process(binaries.path(program), arguments)
        let outcome = try await child.run()
        guard outcome.succeeded else {
            throw EmbeddedPostgresError.commandFailed(command: ([program] + arguments).joined(separator: " "), exitStatus: outcome.exitStatus, output: outcome.output)
        }
    }
}
