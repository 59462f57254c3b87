public import Foundation
public import Logging
public import PostgresNIO

/// The research projects in PostgreSQL (`research_project`), shared by every node: each
/// project's profile, minimum cell size and pseudonym secret.
///
/// ```swift
/// let projects = ResearchProjectStore(client: postgres, logger: logger)
/// try await projects.add(ResearchProjectRecord(name: "cardio-2025", profile: .expertDetermination, minimumCellSize: 20))
/// let project = try await projects.project(named: "cardio-2025")   // with its secret, for the view only
/// try await projects.remove(named: "cardio-2025")                 // refused while registrations belong to it
/// ```
public struct ResearchProjectStore: Sendable {
    /// The connection pool.
    public let client: PostgresClient
    let logger: Logger

    /// A store over a running client (the caller runs `client.run()`).
    public init(client: PostgresClient, logger: Logger) {
        self.client = client
        self.logger = logger
    }

    static let columns = "name, profile, min_cell, secret, created_at"

    /// Adds a project. Throws ``ResearchProjectError/projectExists(_:)`` when the name is taken,
    /// ``ResearchProjectError/invalidName(_:)`` or ``ResearchProjectError/invalidMinimumCellSize(_:)``.
    public func add(_ record: ResearchProjectRecord) async throws {
        guard ResearchProjectRecord.isValidName(record.name) else { throw ResearchProjectError.invalidName(record.name) }
        guard record.minimumCellSize >= 1 else { throw ResearchProjectError.invalidMinimumCellSize(record.minimumCellSize) }
        let logger = self.logger
        let inserted = try await client.withConnection { connection in
            try await Self.insert(record, on: connection, logger: logger)
        }
        guard inserted else { throw ResearchProjectError.projectExists(record.name) }
    }

    /// Every project, ordered by name.
    public func projects() async throws -> [ResearchProjectRecord] {
        let rows = try await client.query("SELECT \(unescaped: Self.columns) FROM research_project ORDER BY name", logger: logger)
        return try await Self.decode(rows)
    }

    /// The project with this name; nil when there is none.
    public func project(named name: String) async throws -> ResearchProjectRecord? {
        let rows = try await client.query("SELECT \(unescaped: Self.columns) FROM research_project WHERE name = \(name)", logger: logger)
        return try await Self.decode(rows).first
    }

    /// Removes a project. Throws ``ResearchProjectError/builtIn(_:)`` for `default`,
    /// ``ResearchProjectError/inUse(_:clients:users:)`` naming the active clients and the users
    /// that still belong to it, ``ResearchProjectError/projectNotFound(_:)`` when there is none.
    /// Removed clients that named it forget it. The project's row is locked first, so that a
    /// registration naming it concurrently either lands before (and is named) or fails.
    public func remove(named name: String) async throws {
        guard name != DefaultResearchProject.name else { throw ResearchProjectError.builtIn(name) }
        let logger = self.logger
        try await withTransaction { connection in
            let locked = try await connection.query("SELECT name FROM research_project WHERE name = \(name) FOR UPDATE", logger: logger)
            var found = false
            for try await _ in locked.decode(String.self) { found = true }
            guard found else { throw ResearchProjectError.projectNotFound(name) }
            let clients = try await Self.names(
                "SELECT client_id FROM auth_client WHERE project = \(name) AND revoked_at IS NULL ORDER BY client_id", on: connection, logger: logger
            )
            let users = try await Self.names("SELECT username FROM auth_user WHERE project = \(name) ORDER BY username", on: connection, logger: logger)
            guard clients.isEmpty, users.isEmpty else { throw ResearchProjectError.inUse(name, clients: clients, users: users) }
            try await connection.query("UPDATE auth_client SET project = NULL WHERE project = \(name) AND revoked_at IS NOT NULL", logger: logger)
            try await connection.query("DELETE FROM research_project WHERE name = \(name)", logger: logger)
        }
    }

    /// Inserts `record` unless its name is taken; returns whether it did.
    static func insert(_ record: ResearchProjectRecord, on connection: PostgresConnection, logger: Logger) async throws -> Bool {
        let rows = try await connection.query(
            """
            INSERT INTO research_project (name, profile, min_cell, secret, created_at)
            VALUES (\(record.name), \(record.profile.rawValue), \(record.minimumCellSize), \(Data(record.secret)), \(PostgresTimestamp(record.createdAt)))
            ON CONFLICT (name) DO NOTHING RETURNING name
            """,
            logger: logger
        )
        var inserted = false
        for try await _ in rows.decode(String.self) { inserted = true }
        return inserted
    }

    private static func names(_ query: PostgresQuery, on connection: PostgresConnection, logger: Logger) async throws -> [String] {
        var names: [String] = []
        for try await name in try await connection.query(query, logger: logger).decode(String.self) { names.append(name) }
        return names
    }

    private static func decode(_ rows: PostgresRowSequence) async throws -> [ResearchProjectRecord] {
        var projects: [ResearchProjectRecord] = []
        for try await (name, profile, minimumCellSize, secret, createdAt) in rows.decode((String, String, Int, Data, Date).self) {
            // The table's CHECK allows only the known profiles.
            guard let profile = ResearchProfile(rawValue: profile) else { continue }
            projects.append(ResearchProjectRecord(name: name, profile: profile, minimumCellSize: minimumCellSize, secret: [UInt8](secret), createdAt: createdAt))
        }
        return projects
    }

    /// Runs `body` in one transaction and rethrows the body's own error unwrapped.
    private func withTransaction<Result: Sendable>(_ body: (PostgresConnection) async throws -> Result) async throws -> Result {
        do {
            return try await client.withTransaction(logger: logger) { connection in
                try await body(connection)
            }
        } catch let error as PostgresTransactionError {
            if let closureError = error.closureError, error.beginError == nil, error.rollbackError == nil, error.commitError == nil {
                throw closureError
            }
            throw error
        }
    }
}
