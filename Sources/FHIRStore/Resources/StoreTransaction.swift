public import Foundation
public import FHIRAccess
import FHIRModel
public import FHIRSearch
import Logging
import PostgresNIO

/// The store's operations inside one PostgreSQL transaction. Everything done through one
/// `StoreTransaction` commits together or not at all.
///
/// Writers lock the row of the resource they change (``lockForWrite(resourceType:id:)``), so
/// concurrent updates of one resource serialise and version numbers never collide.
public struct StoreTransaction {
    let connection: PostgresConnection
    let logger: Logger

    /// The time every version written in this transaction carries, truncated to milliseconds
    /// (the precision of `meta.lastUpdated`).
    public let now: Date

    init(connection: PostgresConnection, logger: Logger, now: Date) {
        self.connection = connection
        self.logger = logger
        self.now = now
    }

    /// The current version of a resource, read without locking; nil when it never existed.
    public func currentVersion(resourceType: String, id: String) async throws -> CurrentVersion? {
        let rows = try await connection.query(
            "SELECT version_id, is_deleted FROM resource WHERE resource_type = \(resourceType) AND id = \(id) AND version_id > 0",
            logger: logger
        )
        var current: CurrentVersion?
        for try await (version, deleted) in rows.decode((Int64, Bool).self) {
            current = CurrentVersion(versionID: version, isDeleted: deleted)
        }
        return current
    }

    /// Locks the resource's row until the transaction ends and returns its current version
    /// (nil when it never existed). A concurrent writer of the same resource waits here.
    public func lockForWrite(resourceType: String, id: String) async throws -> CurrentVersion? {
        // Reserve the row first so that even a resource that does not exist yet has a row to lock;
        // the placeholder (version 0) disappears with a rollback.
        try await connection.query(
            """
            INSERT INTO resource (resource_type, id, version_id, last_updated, is_deleted)
            VALUES (\(resourceType), \(id), 0, \(PostgresTimestamp(now)), true) ON CONFLICT DO NOTHING
            """,
            logger: logger
        )
        let rows = try await connection.query(
            "SELECT version_id, is_deleted FROM resource WHERE resource_type = \(resourceType) AND id = \(id) FOR UPDATE",
            logger: logger
        )
        var current: CurrentVersion?
        for try await (version, deleted) in rows.decode((Int64, Bool).self) where version > 0 {
            current = CurrentVersion(versionID: version, isDeleted: deleted)
        }
        return current
    }

    /// Serialises conditional writes with the same criteria until the transaction ends, so that
    /// two concurrent conditional creates cannot both create. `key` is a canonical text of the
    /// type and criteria.
    public func lockCondition(key: String) async throws {
        try await connection.query("SELECT pg_advisory_xact_lock(hashtextextended(\(key), 0))", logger: logger)
    }

    /// The ids a compiled match statement (``SearchCompiler/match(resourceType:conditions:filter:limit:)``) selects.
    public func ids(_ statement: SQLStatement) async throws -> [String] {
        var ids: [String] = []
        for try await id in try await connection.query(statement.postgresQuery, logger: logger).decode(String.self) {
            ids.append(id)
        }
        return ids
    }

    /// The resources a compiled search statement selects, with their row numbers, seeing this
    /// transaction's own writes.
    public func resources(_ statement: SQLStatement) async throws -> [SearchRow] {
        try await SearchRow.decode(try await connection.query(statement.postgresQuery, logger: logger))
    }

    /// The number a compiled count statement gives.
    public func count(_ statement: SQLStatement) async throws -> Int {
        try await SearchRow.count(try await connection.query(statement.postgresQuery, logger: logger))
    }

    /// The current version of a resource (a tombstone when deleted); nil when it never existed.
    /// It is not filtered: callers ask ``isVisible(_:)`` first.
    public func read(resourceType: String, id: String) async throws -> StoredResource? {
        try await ResourceReader.read(resourceType: resourceType, id: id, on: connection, logger: logger)
    }

    /// Whether a compiled visibility statement (`SearchCompiler.visibility`) finds its resource;
    /// true when there is none to run (an unrestricted caller). Inside a write's transaction it
    /// sees the index rows the write has just replaced.
    public func isVisible(_ visibility: SQLStatement?) async throws -> Bool {
        guard let visibility else { return true }
        return try await !ids(visibility).isEmpty
    }

    /// Assigns the Patient `patientID` to the user `username` (a clinician) in this transaction,
    /// so a Patient a clinician creates commits together with its assignment; nothing happens
    /// for an unknown user.
    public func assignPatient(_ patientID: String, toUser username: String) async throws {
        try await connection.query(
            """
            INSERT INTO auth_user_patient (username, patient_id)
            SELECT username, \(patientID) FROM auth_user WHERE username = \(username)
            ON CONFLICT DO NOTHING
            """,
            logger: logger
        )
    }

    /// Writes new versions, moves each resource's current pointer to it and replaces its search
    /// index rows: three statements however many versions there are.
    public func write(_ versions: [ResourceVersionWrite]) async throws {
        guard !versions.isEmpty else { return }
        let types = versions.map(\.resourceType)
        let ids = versions.map(\.id)
        let versionIDs = versions.map(\.versionID)
        let deleted = versions.map { $0.text == nil }
        let methods = versions.map(\.method.rawValue)
        let texts = versions.map { $0.text ?? "" }
        try await connection.query(
            """
            INSERT INTO resource_version (resource_type, id, version_id, last_updated, is_deleted, method, content, raw)
            SELECT t, i, v, \(PostgresTimestamp(now)), d, m, CASE WHEN d THEN NULL ELSE r::jsonb END, CASE WHEN d THEN NULL ELSE r END
            FROM unnest(\(types)::text[], \(ids)::text[], \(versionIDs)::int8[], \(deleted)::bool[], \(methods)::text[], \(texts)::text[]) AS u(t, i, v, d, m, r)
            """,
            logger: logger
        )
        let rows = try await connection.query(
            """
            INSERT INTO resource (resource_type, id, version_id, last_updated, is_deleted)
            SELECT t, i, v, \(PostgresTimestamp(now)), d FROM unnest(\(types)::text[], \(ids)::text[], \(versionIDs)::int8[], \(deleted)::bool[]) AS u(t, i, v, d)
            ON CONFLICT (resource_type, id) DO UPDATE
            SET version_id = excluded.version_id, last_updated = excluded.last_updated, is_deleted = excluded.is_deleted
            RETURNING resource_type, id, rid
            """,
            logger: logger
        )
        var rids: [String: Int64] = [:]
        for try await (type, id, rid) in rows.decode((String, String, Int64).self) {
            rids["\(type)/\(id)"] = rid
        }
        let items = versions.compactMap { version in
            rids["\(version.resourceType)/\(version.id)"].map { SearchIndexWriter.Item(rid: $0, resourceType: version.resourceType, entries: version.index) }
        }
        // Only resources that existed before can have index rows to remove.
        try await SearchIndexWriter.write(items, replacing: versions.contains { $0.versionID > 1 }, on: connection, logger: logger)
        let consents = versions.filter { $0.resourceType == "Consent" }.compactMap { version in
            rids["Consent/\(version.id)"].map { ConsentPolicyWriter.Item(rid: $0, consent: version.text == nil ? nil : version.consent) }
        }
        try await ConsentPolicyWriter.write(consents, on: connection, logger: logger)
    }
}
