import Logging
import PostgresNIO

/// The reference point: the same documents in a plain PostgreSQL table `(id text primary key,
/// content jsonb)`, written with 100-row multi-row INSERTs and read by primary key with a prepared
/// statement — about the least work PostgreSQL can do for them.
struct PostgresBaseline: Sendable {
    /// The scratch table; it is dropped before and after a run.
    static let table = "kiln_bench_document"

    /// A running client on the scratch database, with a connection for every concurrent client.
    let client: PostgresClient
    let logger: Logger

    /// Drops any table left over from an earlier run and creates an empty one.
    func createTable() async throws {
        try await client.query(PostgresQuery(unsafeSQL: "DROP TABLE IF EXISTS \(Self.table)"), logger: logger)
        try await client.query(PostgresQuery(unsafeSQL: "CREATE TABLE \(Self.table) (id text PRIMARY KEY, content jsonb NOT NULL)"), logger: logger)
    }

    /// Drops the table.
    func dropTable() async throws {
        try await client.query(PostgresQuery(unsafeSQL: "DROP TABLE IF EXISTS \(Self.table)"), logger: logger)
    }

    /// The server's version and the settings that shape write and read costs.
    func serverFacts() async throws -> PostgresFacts {
        let rows = try await client.query(
            "SELECT version(), current_setting('shared_buffers'), current_setting('fsync'), current_setting('synchronous_commit')",
            logger: logger
        )
        for try await (version, sharedBuffers, fsync, synchronousCommit) in rows.decode((String, String, String, String).self) {
            return PostgresFacts(version: version, sharedBuffers: sharedBuffers, fsync: fsync, synchronousCommit: synchronousCommit)
        }
        throw BenchmarkError.nothingToDo("PostgreSQL did not report its version")
    }

    /// Inserts every batch as one multi-row INSERT (its own transaction) with `concurrency` loaders.
    func load(_ documents: BaselineDocuments, resources: Int, concurrency: Int, output: BenchmarkOutput) async throws -> LoadFigures {
        let statements = documents.batches.map(Self.insert)
        let client = self.client
        let logger = self.logger
        let queries = statements
        let (figures, _) = try await LoadDriver.run(
            batches: statements.count,
            resources: resources,
            concurrency: concurrency,
            progress: ProgressReporter(total: statements.count, label: "PostgreSQL load", output: output)
        ) { batch in
            for try await _ in try await client.query(queries[batch], logger: logger) {}
        }
        return figures
    }

    /// Reads random documents of `ids` by primary key with `concurrency` clients.
    func read(ids: [String], concurrency: Int, warmup: Duration, duration: Duration) async throws -> ReadFigures {
        guard !ids.isEmpty else { throw BenchmarkError.nothingToDo("There are no baseline ids to read") }
        let client = self.client
        let logger = self.logger
        return try await ReadDriver.run(concurrency: concurrency, warmup: warmup, duration: duration, keys: ids.count) { key in
            var found = 0
            for try await document in try await client.execute(BaselineReadStatement(id: ids[key]), logger: logger) where !document.isEmpty {
                found += 1
            }
            guard found == 1 else { throw BenchmarkError.nothingToDo("The baseline has no document \(ids[key])") }
        }
    }

    /// `INSERT … VALUES ($1, $2::jsonb), ($3, $4::jsonb), …` for `rows`.
    static func insert(_ rows: [BaselineDocuments.Row]) -> PostgresQuery {
        var sql = "INSERT INTO \(table) (id, content) VALUES "
        var bindings = PostgresBindings(capacity: rows.count * 2)
        for (position, row) in rows.enumerated() {
            if position > 0 { sql += ", " }
            sql += "($\(position * 2 + 1), $\(position * 2 + 2)::jsonb)"
            bindings.append(row.id)
            bindings.append(row.json)
        }
        return PostgresQuery(unsafeSQL: sql, binds: bindings)
    }
}
