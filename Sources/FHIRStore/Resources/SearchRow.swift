import Foundation
import FHIRSearch
import PostgresNIO

/// One resource a search statement returned, with its row number (`resource.rid`), which page
/// links and `_include` rounds refer to.
public struct SearchRow: Sendable {
    /// The row number.
    public var rid: Int64
    /// The current version.
    public var resource: StoredResource

    /// Decodes rows selected with ``SearchCompiler/resultColumns``.
    static func decode(_ rows: PostgresRowSequence) async throws -> [SearchRow] {
        var result: [SearchRow] = []
        for try await (rid, type, id, version, lastUpdated, deleted, method, text) in rows.decode((Int64, String, String, Int64, Date, Bool, String, String?).self) {
            result.append(SearchRow(rid: rid, resource: StoredResource(
                resourceType: type, id: id, versionID: version, lastUpdated: lastUpdated,
                isDeleted: deleted, method: WriteMethod(rawValue: method) ?? .update, text: text
            )))
        }
        return result
    }

    /// The single number of a `count(*)` statement.
    static func count(_ rows: PostgresRowSequence) async throws -> Int {
        var total = 0
        for try await value in rows.decode(Int.self) { total = value }
        return total
    }
}
