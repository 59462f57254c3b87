import Logging
public import PostgresNIO

/// Applies pending ``Migration``s, then ensures the ``SchemaSeed``s. Safe when several Kiln
/// nodes start at once: the migrator holds a PostgreSQL advisory lock while it works.
public struct Migrator: Sendable {
    /// The migrations this migrator knows.
    public let migrations: [Migration]
    /// The rows it ensures after migrating.
    public let seeds: [SchemaSeed]

    /// A migrator for Kiln's schema, or for the given migrations and seeds.
    public init(migrations: [Migration] = SchemaMigrations.all, seeds: [SchemaSeed] = SchemaMigrations.seeds) {
        self.migrations = migrations.sorted { $0.version < $1.version }
        self.seeds = seeds
    }

    /// An arbitrary constant that names Kiln's migration lock.
    static let advisoryLockKey: Int64 = 0x4B494C4E_4D494752

    /// Applies every migration not yet applied and ensures the seeds whose migrations are
    /// applied; returns the versions applied now.
    @discardableResult
    public func migrate(client: PostgresClient, logger: Logger) async throws -> [Int] {
        try await client.withConnection { connection in
            try await connection.query("SELECT pg_advisory_lock(\(Self.advisoryLockKey))", logger: logger)
            do {
                let applied = try await applyPending(connection: connection, logger: logger)
                try await ensureSeeds(connection: connection, logger: logger)
                try await connection.query("SELECT pg_advisory_unlock(\(Self.advisoryLockKey))", logger: logger)
                return applied
            } catch {
                _ = try? await connection.query("SELECT pg_advisory_unlock(\(Self.advisoryLockKey))", logger: logger)
                throw error
            }
        }
    }

    /// The versions already applied.
    public func appliedVersions(client: PostgresClient, logger: Logger) async throws -> Set<Int> {
        try await client.withConnection { connection in
            try await ensureTable(connection: connection, logger: logger)
            return try await appliedVersions(connection: connection, logger: logger)
        }
    }

    private func ensureTable(connection: PostgresConnection, logger: Logger) async throws {
        try await connection.query("""
            CREATE TABLE IF NOT EXISTS kiln_schema_migrations (
                version integer PRIMARY KEY,
                name text NOT NULL,
                applied_at timestamptz NOT NULL DEFAULT now()
            )
            """, logger: logger)
    }

    private func appliedVersions(connection: PostgresConnection, logger: Logger) async throws -> Set<Int> {
        var versions = Set<Int>()
        let rows = try await connection.query("SELECT version FROM kiln_schema_migrations", logger: logger)
        for try await version in rows.decode(Int.self) { versions.insert(version) }
        return versions
    }

    private func ensureSeeds(connection: PostgresConnection, logger: Logger) async throws {
        guard !seeds.isEmpty else { return }
        let applied = try await appliedVersions(connection: connection, logger: logger)
        for seed in seeds where applied.contains(seed.requiredVersion) {
            try await seed.ensure(connection, logger)
        }
    }

    private func applyPending(connection: PostgresConnection, logger: Logger) async throws -> [Int] {
        try await ensureTable(connection: connection, logger: logger)
        let applied = try await appliedVersions(connection: connection, logger: logger)
        var appliedNow: [Int] = []
        for migration in migrations where !applied.contains(migration.version) {
            logger.info("Applying migration", metadata: ["version": "\(migration.version)", "name": "\(migration.name)"])
            try await connection.withTransaction(logger: logger) { connection in
                for statement in migration.statements {
                    try await connection.query(PostgresQuery(unsafeSQL: statement), logger: logger)
                }
                try await connection.query(
                    "INSERT INTO kiln_schema_migrations (version, name) VALUES (\(migration.version), \(migration.name))",
                    logger: logger
                )
            }
            appliedNow.append(migration.version)
        }
        return appliedNow
    }
}
