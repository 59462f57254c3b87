extension EmbeddedPostgres {
    /// What ``EmbeddedPostgres/status()`` found in a data directory.
    public struct Status: Sendable, Hashable, CustomStringConvertible {
        /// Whether a cluster was ever set up for this data directory (its record exists).
        public let isInitialized: Bool
        /// Whether the cluster's server runs and accepts connections.
        public let isRunning: Bool
        /// The folder holding the cluster, when it was set up.
        public let clusterDirectory: String?
        /// The address the server listens (or last listened) on.
        public let host: String?
        /// The port the server listens (or last listened) on.
        public let port: Int?
        /// The connection URL, when the server runs.
        public let url: String?

        /// A status with every field given.
        public init(isInitialized: Bool, isRunning: Bool, clusterDirectory: String?, host: String?, port: Int?, url: String?) {
            self.isInitialized = isInitialized
            self.isRunning = isRunning
            self.clusterDirectory = clusterDirectory
            self.host = host
            self.port = port
            self.url = url
        }

        /// One line for a person: running with its URL, stopped, or not set up.
        public var description: String {
            guard isInitialized, let clusterDirectory else { return "No PostgreSQL cluster has been set up for this data directory." }
            if isRunning, let url { return "PostgreSQL is running at \(url) (cluster in \(clusterDirectory))." }
            return "PostgreSQL is stopped (cluster in \(clusterDirectory))."
        }

        static let notInitialized = Status(isInitialized: false, isRunning: false, clusterDirectory: nil, host: nil, port: nil, url: nil)
    }
}
