/// What was stored: resource counts by how they were loaded, and the database's size.
public struct SearchDataFigures: Sendable, Hashable, Codable {
    /// One table (with its indexes).
    public struct Table: Sendable, Hashable, Codable {
        /// The table.
        public let name: String
        /// Its rows (exact after the VACUUM that precedes the searches).
        public let rows: Int
        /// Its size with indexes and TOAST, in bytes.
        public let bytes: Int
    }

    /// Patients stored.
    public let patients: Int
    /// Observations stored.
    public let observations: Int
    /// DiagnosticReports stored.
    public let diagnosticReports: Int
    /// Resources written through the store (bulk).
    public let bulkResources: Int
    /// Resources posted through the HTTP API.
    public let apiResources: Int
    /// The database's size, in bytes.
    public let databaseBytes: Int
    /// Kiln's tables.
    public let tables: [Table]

    /// All resources stored.
    public var resources: Int { bulkResources + apiResources }
}
