import Logging
import PostgresNIO

/// Rows the schema needs that SQL alone should not make, such as a secret Kiln generates:
/// ensured by the ``Migrator`` after every run, under its lock, once the migration it needs is
/// applied. Each step is idempotent (`INSERT … ON CONFLICT DO NOTHING`).
public struct SchemaSeed: Sendable {
    /// The migration whose tables the step needs.
    public let requiredVersion: Int
    /// A short name for the log.
    public let name: String
    /// The step.
    let ensure: @Sendable (PostgresConnection, Logger) async throws -> Void

    /// A step that runs once `requiredVersion` is applied.
    init(requiredVersion: Int, name: String, ensure: @escaping @Sendable (PostgresConnection, Logger) async throws -> Void) {
        self.requiredVersion = requiredVersion
        self.name = name
        self.ensure = ensure
    }
}
