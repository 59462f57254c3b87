/// What the PostgreSQL server under the benchmark is, for the report's header.
public struct PostgresFacts: Sendable, Hashable, Codable {
    /// `SELECT version()`.
    public let version: String
    /// `shared_buffers`.
    public let sharedBuffers: String
    /// `fsync`.
    public let fsync: String
    /// `synchronous_commit`.
    public let synchronousCommit: String
}
