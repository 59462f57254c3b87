extension EmbeddedPostgres {
    /// Server settings applied each time this code starts the cluster.
    ///
    /// The defaults suit a small machine running Kiln alone. Settings take effect only when
    /// the cluster is started, not when a running one is attached to.
    ///
    /// ```swift
    /// let postgres = EmbeddedPostgres(dataDirectory: dir, settings: .throwaway)
    /// ```
    public struct Settings: Sendable, Hashable {
        /// The most client connections the server accepts (`max_connections`). Default 200.
        public var maxConnections: Int
        /// Memory for the shared page cache (`shared_buffers`), in PostgreSQL's units. Default `256MB`.
        public var sharedBuffers: String
        /// Whether commits survive a machine crash (`fsync`, `synchronous_commit`,
        /// `full_page_writes`). Default `true`; only throwaway test clusters turn it off.
        public var durable: Bool
        /// How long `pg_ctl` waits for the server to start or stop, in seconds. Default 60.
        public var timeoutSeconds: Int

        /// Settings with the documented defaults, or the values given.
        public init(maxConnections: Int = 200, sharedBuffers: String = "256MB", durable: Bool = true, timeoutSeconds: Int = 60) {
            self.maxConnections = maxConnections
            self.sharedBuffers = sharedBuffers
            self.durable = durable
            self.timeoutSeconds = timeoutSeconds
        }

        /// The settings for `kiln serve`: durable, 200 connections, 256 MB of shared buffers.
        public static let standard = Settings()

        /// Settings for a test cluster that is thrown away: not durable, smaller, quick to start.
        public static let throwaway = Settings(maxConnections: 100, sharedBuffers: "64MB", durable: false)
    }
}
