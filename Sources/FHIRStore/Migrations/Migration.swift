/// One numbered schema change. Migrations run in order, each once, each in its own transaction.
public struct Migration: Sendable {
    /// The number; applied in ascending order.
    public let version: Int
    /// A short name for the log and the `kiln_schema_migrations` table.
    public let name: String
    /// The SQL statements, run in order.
    public let statements: [String]

    /// A migration.
    public init(version: Int, name: String, statements: [String]) {
        self.version = version
        self.name = name
        self.statements = statements
    }
}
