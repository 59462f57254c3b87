import Foundation
import PostgresNIO

/// The read of a resource's current version as a prepared statement: parsed and planned once per
/// connection, so the hottest query of the server skips both on every request.
struct CurrentVersionStatement: PostgresPreparedStatement {
    typealias Row = StoredResource

    static let sql = """
        SELECT \(ResourceReader.columns) FROM resource r
        JOIN resource_version v ON v.resource_type = r.resource_type AND v.id = r.id AND v.version_id = r.version_id
        WHERE r.resource_type = $1 AND r.id = $2
        """

    static let bindingDataTypes: [PostgresDataType] = [.text, .text]

    /// The resource type.
    var resourceType: String
    /// The id.
    var id: String

    func makeBindings() throws -> PostgresBindings {
        var bindings = PostgresBindings(capacity: 2)
        bindings.append(resourceType)
        bindings.append(id)
        return bindings
    }

    func decodeRow(_ row: PostgresRow) throws -> StoredResource {
        let (type, id, version, lastUpdated, deleted, method, text) = try row.decode((String, String, Int64, Date, Bool, String, String?).self)
        return StoredResource(
            resourceType: type, id: id, versionID: version, lastUpdated: lastUpdated,
            isDeleted: deleted, method: WriteMethod(rawValue: method) ?? .update, text: text
        )
    }
}
