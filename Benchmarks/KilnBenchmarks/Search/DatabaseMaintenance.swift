import Logging
import PostgresNIO

/// What the benchmark asks of the database itself: `VACUUM (ANALYZE)` after loading, and the
/// sizes of Kiln's tables.
struct DatabaseMaintenance: Sendable {
    /// The tables whose sizes the report lists.
    static let tables = [
        "resource", "resource_version", "search_token", "search_string", "search_date", "search_reference",
        "search_quantity", "search_number", "search_uri", "search_composite", "search_compartment",
    ]

    /// A running client on the server's database.
    let client: PostgresClient
    /// The logger postgres-nio reports to.
    let logger: Logger

    /// Vacuums and analyzes the database (as autovacuum would in time), so that the planner has
    /// statistics and index-only scans have a visibility map; returns the seconds it took.
    func vacuumAnalyze() async throws -> Double {
        let clock = ContinuousClock()
        let started = clock.now
        try await client.query("VACUUM (ANALYZE)", logger: logger)
        return (clock.now - started).seconds
    }

    /// The database's size and each of Kiln's tables' rows and size.
    func sizes() async throws -> (databaseBytes: Int, tables: [SearchDataFigures.Table]) {
        var databaseBytes = 0
        for try await size in try await client.query("SELECT pg_database_size(current_database())", logger: logger).decode(Int64.self) {
            databaseBytes = Int(size)
        }
        var tables: [SearchDataFigures.Table] = []
        let rows = try await client.query(
            """
            SELECT c.relname::text, c.reltuples::int8, pg_total_relation_size(c.oid) FROM pg_class c
            WHERE c.relkind = 'r' AND c.relname = ANY(\(Self.tables)) ORDER BY pg_total_relation_size(c.oid) DESC
            """,
            logger: logger
        )
        for try await (name, count, bytes) in rows.decode((String, Int64, Int64).self) {
            tables.append(SearchDataFigures.Table(name: name, rows: Int(max(count, 0)), bytes: Int(bytes)))
        }
        return (databaseBytes, tables)
    }
}
