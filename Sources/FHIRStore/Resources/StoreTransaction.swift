public import Foundation
public import FHIRAccess
public import FHIRModel
public import Logging
public import PostgresNIO

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
            VALUES (\(resourceType), \(id), 0, \(now), true) ON CONFLICT DO NOTHING
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
    /// two concurrent conditional creates cannot both create.
    public func lockCondition(resourceType: String, criteria: MatchCriteria) async throws {
        let key = "\(resourceType)?\(criteria.lockKey)"
        try await connection.query("SELECT pg_advisory_xact_lock(hashtextextended(\(key), 0))", logger: logger)
    }

    /// The ids of current, not deleted resources of `resourceType` that match `criteria`, at most `limit`.
    public func match(resourceType: String, criteria: MatchCriteria, filter: AccessFilter, limit: Int = 2) async throws -> [String] {
        var builder = MatchQuery.build(resourceType: resourceType, criteria: criteria, select: "r.id", joinVersions: false)
        builder.append(" ORDER BY r.id LIMIT ")
        builder.bind(limit)
        var ids: [String] = []
        for try await id in try await connection.query(builder.query, logger: logger).decode(String.self) {
            ids.append(id)
        }
        return ids
    }

    /// The current version of a resource (a tombstone when deleted); nil when it never existed.
    public func read(resourceType: String, id: String, filter: AccessFilter) async throws -> StoredResource? {
        try await ResourceReader.read(resourceType: resourceType, id: id, on: connection, logger: logger)
    }

    /// Writes new versions, moves each resource's current pointer to it and replaces its index
    /// entries: three statements however many versions there are.
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
            SELECT t, i, v, \(now), d, m, CASE WHEN d THEN NULL ELSE r::jsonb END, CASE WHEN d THEN NULL ELSE r END
            FROM unnest(\(types)::text[], \(ids)::text[], \(versionIDs)::int8[], \(deleted)::bool[], \(methods)::text[], \(texts)::text[]) AS u(t, i, v, d, m, r)
            """,
            logger: logger
        )
        try await connection.query(
            """
            INSERT INTO resource (resource_type, id, version_id, last_updated, is_deleted)
            SELECT t, i, v, \(now), d FROM unnest(\(types)::text[], \(ids)::text[], \(versionIDs)::int8[], \(deleted)::bool[]) AS u(t, i, v, d)
            ON CONFLICT (resource_type, id) DO UPDATE
            SET version_id = excluded.version_id, last_updated = excluded.last_updated, is_deleted = excluded.is_deleted
            """,
            logger: logger
        )
        // Only resources that existed before can have index rows to remove.
        let replaced = versions.filter { $0.versionID > 1 }
        if !replaced.isEmpty {
            try await connection.query(
                """
                DELETE FROM token_index t USING unnest(\(replaced.map(\.resourceType))::text[], \(replaced.map(\.id))::text[]) AS u(rt, rid)
                WHERE t.resource_type = u.rt AND t.id = u.rid
                """,
                logger: logger
            )
        }
        var tokenTypes: [String] = [], tokenIDs: [String] = [], parameters: [String] = [], systems: [String] = [], codes: [String] = []
        for version in versions {
            for token in version.tokens {
                tokenTypes.append(version.resourceType)
                tokenIDs.append(version.id)
                parameters.append(token.parameter)
                systems.append(token.system)
                codes.append(token.code)
            }
        }
        if !tokenTypes.isEmpty {
            try await connection.query(
                """
                INSERT INTO token_index (resource_type, id, param, system, code)
                SELECT * FROM unnest(\(tokenTypes)::text[], \(tokenIDs)::text[], \(parameters)::text[], \(systems)::text[], \(codes)::text[])
                """,
                logger: logger
            )
        }
    }
}
