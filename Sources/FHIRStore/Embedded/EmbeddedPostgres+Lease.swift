import Logging

extension EmbeddedPostgres {
    /// A running cluster obtained from ``EmbeddedPostgres/start()``: how to connect, and whether
    /// this lease is the one that started it.
    ///
    /// ```swift
    /// let lease = try await EmbeddedPostgres(dataDirectory: ".kiln").start()
    /// try await runMigrations(databaseURL: lease.url)
    /// try await lease.release()   // stops the cluster only if this lease started it
    /// ```
    public struct Lease: Sendable {
        /// The address the server listens on: always `127.0.0.1`.
        public let host: String
        /// The TCP port the server listens on.
        public let port: Int
        /// The database role to connect as: `postgres` (trusted, no password).
        public let username: String
        /// The database Kiln uses: `kiln`.
        public let database: String
        /// The path of the server's Unix-domain socket file, when it has one (faster than TCP).
        public let unixSocketPath: String?
        /// Whether this lease started the cluster (and so stops it on ``release()``), rather
        /// than attaching to one that was already running.
        public let startedByThisLease: Bool
        /// The absolute data directory the cluster belongs to.
        public let dataDirectory: String

        let logger: Logger

        /// The connection URL: `postgres://postgres@127.0.0.1:PORT/kiln`.
        public var url: String {
            "postgres://\(username)@\(host):\(port)/\(database)"
        }

        /// Stops the cluster when this lease started it; otherwise does nothing, so a process
        /// that attached leaves the cluster to its owner.
        public func release() async throws {
            guard startedByThisLease else { return }
            try await EmbeddedPostgres(dataDirectory: dataDirectory, logger: logger).stop()
        }

        init(record: ClusterRecord, dataDirectory: String, startedByThisLease: Bool, logger: Logger) {
            self.host = record.host
            self.port = record.port
            self.username = record.username
            self.database = record.database
            self.unixSocketPath = record.socketDirectory.map { "\($0)/.s.PGSQL.\(record.port)" }
            self.startedByThisLease = startedByThisLease
            self.dataDirectory = dataDirectory
            self.logger = logger
        }
    }
}
