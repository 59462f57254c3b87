public import FHIRAccess
import FHIRModel
public import FHIRSearch
import Foundation
public import Logging
public import PostgresNIO

/// Kiln's resource storage over PostgreSQL: reads, history and transactional writes.
///
/// The store only executes; what to write (ids, versions, meta) is decided by the caller inside
/// ``withTransaction(_:)``. Every read takes the caller's ``AccessFilter``.
public struct ResourceStore: Sendable {
    /// The connection pool.
    public let client: PostgresClient
    let logger: Logger
    /// Row identities already looked up, shared by every copy of the store.
    let rowIdentities = RowIdentityCache()

    /// A store over a running client (the caller runs `client.run()`).
    public init(client: PostgresClient, logger: Logger) {
        self.client = client
        self.logger = logger
    }

    /// The current version of a resource (a tombstone when deleted); nil when it never existed.
    /// It is not filtered: callers ask ``isVisible(_:)`` first.
    public func read(resourceType: String, id: String) async throws -> StoredResource? {
        try await client.withConnection { connection in
            try await ResourceReader.read(resourceType: resourceType, id: id, on: connection, logger: logger)
        }
    }

    /// The current version numbers of the given resources (`Type/id` → version), in one query;
    /// resources that never existed are absent.
    public func currentVersionIDs(of resources: [(resourceType: String, id: String)]) async throws -> [String: Int64] {
        try await currentRows(of: resources).mapValues(\.versionID)
    }

    /// The row identity (`resource.rid`) and current version of the given resources, keyed
    /// `Type/id`, in one query; resources that never existed are absent.
    func currentRows(of resources: [(resourceType: String, id: String)]) async throws -> [String: (rowID: Int64, versionID: Int64)] {
        guard !resources.isEmpty else { return [:] }
        let rows = try await client.query(
            """
            SELECT r.resource_type, r.id, r.rid, r.version_id FROM resource r
            JOIN unnest(\(resources.map(\.resourceType))::text[], \(resources.map(\.id))::text[]) AS k(t, i)
              ON r.resource_type = k.t AND r.id = k.i
            """,
            logger: logger
        )
        var found: [String: (rowID: Int64, versionID: Int64)] = [:]
        for try await (type, id, rowID, version) in rows.decode((String, String, Int64, Int64).self) {
            found["\(type)/\(id)"] = (rowID, version)
        }
        return found
    }

    /// Whether a compiled visibility statement (`SearchCompiler.visibility`) finds its resource;
    /// true when there is none to run (an unrestricted caller).
    public func isVisible(_ visibility: SQLStatement?) async throws -> Bool {
        guard let visibility else { return true }
        for try await _ in try await client.query(visibility.postgresQuery, logger: logger) {
            return true
        }
        return false
    }

    /// One version of a resource; nil when there is no such version. It is not filtered:
    /// callers ask ``isVisible(_:)`` first.
    public func read(resourceType: String, id: String, versionID: Int64) async throws -> StoredResource? {
        let rows = try await client.query(
            """
            SELECT \(unescaped: ResourceReader.columns) FROM resource_version v
            WHERE v.resource_type = \(resourceType) AND v.id = \(id) AND v.version_id = \(versionID)
            """,
            logger: logger
        )
        return try await ResourceReader.decode(rows).first
    }

    /// A page of history, newest first: the versions of the resources `visibleResources` (a
    /// compiled `SearchCompiler.visibleResources` subquery; every resource when nil) selects.
    public func history(_ request: HistoryRequest, visibleResources: SQLStatement?) async throws -> HistoryPage {
        var total: Int?
        if request.includeTotal {
            var countQuery = SQLBuilder()
            countQuery.append("SELECT count(*) FROM resource_version v WHERE ")
            Self.appendConditions(request, visibleResources: visibleResources, to: &countQuery)
            for try await count in try await client.query(countQuery.query, logger: logger).decode(Int.self) {
                total = count
            }
        }
        var page = SQLBuilder()
        page.append("SELECT \(ResourceReader.columns), v.seq FROM resource_version v WHERE ")
        Self.appendConditions(request, visibleResources: visibleResources, to: &page)
        if let cursor = request.cursor {
            page.append(" AND v.seq < ")
            page.bind(cursor)
        }
        page.append(" ORDER BY v.seq DESC LIMIT ")
        page.bind(request.count + 1)
        var versions: [StoredResource] = []
        var sequences: [Int64] = []
        let rows = try await client.query(page.query, logger: logger)
        for try await (type, id, version, lastUpdated, deleted, method, text, seq) in rows.decode((String, String, Int64, Date, Bool, String, String?, Int64).self) {
            versions.append(StoredResource(
                resourceType: type, id: id, versionID: version, lastUpdated: lastUpdated,
                isDeleted: deleted, method: WriteMethod(rawValue: method) ?? .update, text: text
            ))
            sequences.append(seq)
        }
        var nextCursor: Int64?
        if versions.count > request.count {
            versions.removeLast()
            nextCursor = sequences[request.count - 1]
        }
        return HistoryPage(versions: versions, nextCursor: nextCursor, total: total)
    }

    private static func appendConditions(_ request: HistoryRequest, visibleResources: SQLStatement?, to builder: inout SQLBuilder) {
        builder.append("true")
        if let visibleResources {
            builder.append(" AND (v.resource_type, v.id) IN (")
            builder.append(visibleResources)
            builder.append(")")
        }
        if let type = request.resourceType {
            builder.append(" AND v.resource_type = ")
            builder.bind(type)
        }
        if let id = request.id {
            builder.append(" AND v.id = ")
            builder.bind(id)
        }
        if let since = request.since {
            builder.append(" AND v.last_updated > ")
            builder.bind(PostgresTimestamp(since))
        }
    }

    /// Runs `body` in one PostgreSQL transaction: it commits when `body` returns and rolls back
    /// when it throws, so a write is wholly there or wholly absent.
    public func withTransaction<Result: Sendable>(_ body: (StoreTransaction) async throws -> Result) async throws -> Result {
        let milliseconds = (Date().timeIntervalSince1970 * 1000).rounded(.down)
        let now = Date(timeIntervalSince1970: milliseconds / 1000)
        let logger = self.logger
        do {
            return try await client.withTransaction(logger: logger) { connection in
                try await body(StoreTransaction(connection: connection, logger: logger, now: now))
            }
        } catch let error as PostgresTransactionError {
            // The caller's own error (such as a FHIRError) is what it needs to see; the rollback
            // has happened. Failures of BEGIN, COMMIT or ROLLBACK themselves stay wrapped.
            if let closureError = error.closureError, error.beginError == nil, error.rollbackError == nil, error.commitError == nil {
                throw closureError
            }
            throw error
        }
    }
}

extension ResourceStore {
    /// The resources a compiled search statement (a page or an `_include` round) selects.
    public func resources(_ statement: SQLStatement) async throws -> [SearchRow] {
        try await SearchRow.decode(try await client.query(statement.postgresQuery, logger: logger))
    }

    /// The number a compiled count statement gives.
    public func count(_ statement: SQLStatement) async throws -> Int {
        try await SearchRow.count(try await client.query(statement.postgresQuery, logger: logger))
    }

    /// The planner's row estimate of a compiled `EXPLAIN (FORMAT JSON)` statement.
    public func estimate(_ statement: SQLStatement) async throws -> Int {
        var plan = ""
        for try await text in try await client.query(statement.postgresQuery, logger: logger).decode(String.self) {
            plan += text
        }
        guard let range = plan.range(of: "\"Plan Rows\":") else { return 0 }
        let digits = plan[range.upperBound...].drop { $0 == " " }.prefix { $0.isNumber || $0 == "." }
        return Int(Double(digits) ?? 0)
    }

    /// The text of the statement PostgreSQL would run for `statement`, from `EXPLAIN`, for
    /// benchmarks and diagnostics.
    public func explain(_ statement: SQLStatement, analyze: Bool = false) async throws -> String {
        let prefix = analyze ? "EXPLAIN (ANALYZE, BUFFERS) " : "EXPLAIN "
        let explained = SQLStatement(text: prefix + statement.text, bindings: statement.bindings)
        var lines: [String] = []
        for try await line in try await client.query(explained.postgresQuery, logger: logger).decode(String.self) {
            lines.append(line)
        }
        return lines.joined(separator: "\n")
    }
}
