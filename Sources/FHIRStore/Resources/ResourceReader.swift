import Foundation
import Logging
import PostgresNIO

/// The SQL of reads, shared by the store and transactions.
enum ResourceReader {
    /// The columns every read selects, in the order ``decode(_:)`` expects.
    static let columns = "v.resource_type, v.id, v.version_id, v.last_updated, v.is_deleted, v.method, v.raw"

    /// Decodes rows selected with ``columns``.
    static func decode(_ rows: PostgresRowSequence) async throws -> [StoredResource] {
        var resources: [StoredResource] = []
        for try await (type, id, version, lastUpdated, deleted, method, text) in rows.decode((String, String, Int64, Date, Bool, String, String?).self) {
            resources.append(StoredResource(
                resourceType: type, id: id, versionID: version, lastUpdated: lastUpdated,
                isDeleted: deleted, method: WriteMethod(rawValue: method) ?? .update, text: text
            ))
        }
        return resources
    }

    /// The current version of one resource: one primary-key probe of each table.
    static func read(resourceType: String, id: String, on connection: PostgresConnection, logger: Logger) async throws -> StoredResource? {
        let rows = try await connection.query(
            """
            SELECT \(unescaped: columns) FROM resource r
            JOIN resource_version v ON v.resource_type = r.resource_type AND v.id = r.id AND v.version_id = r.version_id
            WHERE r.resource_type = \(resourceType) AND r.id = \(id)
            """,
            logger: logger
        )
        return try await decode(rows).first
    }
}
