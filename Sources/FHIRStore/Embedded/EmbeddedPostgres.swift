import Foundation
public import Logging

/// A local PostgreSQL cluster that belongs to a Kiln data directory.
///
/// `kiln serve` without a database URL starts one under `--data-dir`: the first start runs
/// `initdb` and creates the database `kiln`; later starts reuse it. A process that finds the
/// cluster already running (a second `kiln serve`, `kiln migrate`, a test) attaches to it
/// instead, and leaves it running when it lets go of its ``Lease``.
///
/// The server listens on 127.0.0.1 only, on a port chosen when the cluster is created and
/// replaced if another program has taken it since; clients connect as `postgres` without a
/// password. When this process runs as root, the server runs as the unprivileged user
/// `postgres` (or `nobody`). The file `<data-dir>/postgres.json` records where the cluster is
/// and how to reach it; `<data-dir>/postgres.lock` makes concurrent starts and stops take turns.
///
/// ```swift
/// let postgres = EmbeddedPostgres(dataDirectory: ".kiln")
/// let lease = try await postgres.start()
/// print(lease.url)               // postgres://postgres@127.0.0.1:41234/kiln
/// try await lease.release()      // stops it only if this lease started it
/// ```
public struct EmbeddedPostgres: Sendable {
    /// The absolute path of the data directory.
    public let dataDirectory: String
    /// The server settings used when this value starts the cluster.
    public let settings: Settings
    let logger: Logger

    /// How long a start or stop waits for another process's start or stop of the same data
    /// directory to finish, in seconds.
    public static let lockTimeoutSeconds = 180

    /// A cluster for `dataDirectory` (relative paths are resolved now) with the standard settings.
    public init(dataDirectory: String, logger: Logger = Logger(label: "kiln.postgres")) {
        self.init(dataDirectory: dataDirectory, settings: .standard, logger: logger)
    }

    /// A cluster for `dataDirectory` (relative paths are resolved now) with the given settings.
    public init(dataDirectory: String, settings: Settings, logger: Logger = Logger(label: "kiln.postgres")) {
        self.dataDirectory = ClusterFiles.absolutePath(dataDirectory)
        self.settings = settings
        self.logger = logger
    }

    /// Starts the cluster (initdb on first use, creating database `kiln`) or attaches to the one already running for this data directory.
    public func start() async throws -> Lease {
        try ClusterFiles.createDirectories(dataDirectory, mode: 0o755)
        return try await DataDirectoryLock.withLock(dataDirectory: dataDirectory, timeoutSeconds: Self.lockTimeoutSeconds) {
            try await startHoldingLock()
        }
    }

    /// Stops the cluster recorded in this data directory if it runs (used by scripts and `kiln database stop`).
    ///
    /// - Returns: whether a running server was stopped.
    @discardableResult
    public func stop() async throws -> Bool {
        guard try ClusterRecord.read(from: dataDirectory) != nil else { return false }
        return try await DataDirectoryLock.withLock(dataDirectory: dataDirectory, timeoutSeconds: Self.lockTimeoutSeconds) {
            guard let record = try ClusterRecord.read(from: dataDirectory) else { return false }
            let control = try await control(for: record)
            guard control.user.canActAs else {
                throw EmbeddedPostgresError.ownedByAnotherUser(clusterUser: record.osUser, currentUser: ClusterUser.current.name)
            }
            guard try await control.isRunning() else { return false }
            try await control.stop(timeoutSeconds: settings.timeoutSeconds)
            logger.info("Stopped PostgreSQL", metadata: ["cluster": "\(record.clusterDirectory)"])
            return true
        }
    }

    /// Whether the recorded cluster is running, and how to reach it.
    public func status() async throws -> Status {
        guard let record = try ClusterRecord.read(from: dataDirectory) else { return .notInitialized }
        let control = try await control(for: record)
        var isRunning = await control.isAnswering()
        if isRunning, control.user.canActAs {
            isRunning = try await control.isRunning()
        }
        let url = isRunning ? Lease(record: record, dataDirectory: dataDirectory, startedByThisLease: false, logger: logger).url : nil
        return Status(isInitialized: true, isRunning: isRunning, clusterDirectory: record.clusterDirectory, host: record.host, port: record.port, url: url)
    }

    private func startHoldingLock() async throws -> Lease {
        var record: ClusterRecord
        if let existing = try ClusterRecord.read(from: dataDirectory) {
            record = existing
        } else {
            record = try await createRecord()
        }
        var control = try await control(for: record)
        guard control.user.canActAs else {
            if await control.isAnswering() { return lease(record, startedByThisLease: false) }
            throw EmbeddedPostgresError.ownedByAnotherUser(clusterUser: record.osUser, currentUser: ClusterUser.current.name)
        }
        if try await control.isRunning() {
            try await control.waitUntilAnswering(seconds: settings.timeoutSeconds)
            logger.info("Attached to running PostgreSQL", metadata: ["port": "\(record.port)"])
            return lease(record, startedByThisLease: false)
        }
        if !control.isInitialized {
            logger.info("Initialising a PostgreSQL cluster", metadata: ["cluster": "\(record.clusterDirectory)"])
            try await control.initialize()
        }
        record.binDirectory = control.binaries.directory
        if !LoopbackPort.isFree(record.port) {
            record.port = try LoopbackPort.pickFree()
            logger.notice("PostgreSQL's recorded port is taken; using another", metadata: ["port": "\(record.port)"])
        }
        control.record = record
        do {
            try await start(control)
        } catch where ClusterControl.isPortConflict(error) {
            record.port = try LoopbackPort.pickFree()
            control.record = record
            try await start(control)
        }
        do {
            try await control.ensureDatabase()
        } catch {
            try? await control.stop(timeoutSeconds: settings.timeoutSeconds)
            throw error
        }
        logger.info("Started PostgreSQL", metadata: ["port": "\(record.port)", "cluster": "\(record.clusterDirectory)"])
        return lease(record, startedByThisLease: true)
    }

    /// Records the port before starting, so that a crash right after the start leaves a record that reaches the server.
    private func start(_ control: ClusterControl) async throws {
        try control.record.write(to: dataDirectory)
        try control.writeConfiguration(settings)
        try await control.start(timeoutSeconds: settings.timeoutSeconds)
    }

    /// Chooses the user, location, programs and port of a new cluster and records them.
    private func createRecord() async throws -> ClusterRecord {
        let binaries = try await PostgresBinaries.locate()
        let user = try ClusterUser.forNewCluster()
        let clusterDirectory = try await ClusterLocation.choose(dataDirectory: dataDirectory, user: user)
        let record = ClusterRecord(clusterDirectory: clusterDirectory, binDirectory: binaries.directory, port: try LoopbackPort.pickFree(), osUser: user.name)
        try record.write(to: dataDirectory)
        return record
    }

    private func control(for record: ClusterRecord) async throws -> ClusterControl {
        let binaries = try await PostgresBinaries.locate(preferring: record.binDirectory)
        guard let user = ClusterUser.named(record.osUser) else {
            throw EmbeddedPostgresError.clusterUserNotFound(record.osUser)
        }
        return ClusterControl(record: record, binaries: binaries, user: user)
    }

    private func lease(_ record: ClusterRecord, startedByThisLease: Bool) -> Lease {
        Lease(record: record, dataDirectory: dataDirectory, startedByThisLease: startedByThisLease, logger: logger)
    }
}
