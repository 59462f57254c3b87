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

    /// The current version of one resource: one primary-key probe of each table, prepared once
    /// per connection.
    static func read(resourceType: String, id: String, on connection: PostgresConnection, logger: Logger) async throws -> StoredResource? {
        var found: StoredResource?
        for try await resource in try await connection.execute(CurrentVersionStatement(resourceType: resourceType, id: id), logger: logger) {
            found = resource
        }
        return found
    }
}
