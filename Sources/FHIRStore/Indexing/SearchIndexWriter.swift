import FHIRModel
import FHIRSearch
import Foundation
import Logging
import PostgresNIO

/// Replaces the search index rows of resources: one statement that deletes their old rows from
/// every index table and inserts the new ones, so a resource's index always matches its
/// current version.
enum SearchIndexWriter {
    /// The index values of one resource, by its row number.
    struct Item {
        var rid: Int64
        var resourceType: String
        var entries: SearchIndexEntries
    }

    /// Writes `items`; when `replacing`, their earlier rows are removed first.
    static func write(_ items: [Item], replacing: Bool, on connection: PostgresConnection, logger: Logger) async throws {
        guard !items.isEmpty else { return }
        var ctes: [(inout SQLBuilder) -> Void] = []
        let rids = items.map(\.rid)
        if replacing {
            for table in SearchTables.valueTables + [SearchTables.compartment] {
                ctes.append { part in
                    part.append("DELETE FROM \(table) WHERE rid = ANY(")
                    part.bind(rids)
                    part.append(")")
                }
            }
        }
        var tokens = Columns(6), strings = Columns(5), dates = Columns(5), references = Columns(6)
        var quantities = Columns(8), numbers = Columns(4), uris = Columns(4), composites = Columns(13), compartment = Columns(2)
        for item in items {
            let rid = String(item.rid), type = item.resourceType
            for row in item.entries.tokens { tokens.add([rid, type, row.parameter, row.system, row.code, row.text ?? ""]) }
            for row in item.entries.strings { strings.add([rid, type, row.parameter, row.normalized, row.exact]) }
            for row in item.entries.dates { dates.add([rid, type, row.parameter, Self.timestamp(row.low, open: "-infinity"), Self.timestamp(row.high, open: "infinity")]) }
            for row in item.entries.references { references.add([rid, type, row.parameter, row.targetType ?? "", row.targetID ?? "", row.url ?? ""]) }
            for row in item.entries.quantities {
                quantities.add([rid, type, row.parameter, row.value.description, row.system, row.code,
                                row.canonicalValue?.description ?? "", row.canonicalCode ?? ""])
            }
            for row in item.entries.numbers { numbers.add([rid, type, row.parameter, row.value.description]) }
            for row in item.entries.uris { uris.add([rid, type, row.parameter, row.uri]) }
            for row in item.entries.composites { composites.add([rid, type, row.parameter, row.system, row.code] + Self.compositeValue(row.value)) }
            for patient in item.entries.compartmentPatients { compartment.add([rid, patient]) }
        }
        func insert(_ table: String, _ columns: Columns, names: String, select: String) {
            guard !columns.isEmpty else { return }
            ctes.append { part in
                part.append("INSERT INTO \(table) (\(names)) SELECT \(select) FROM unnest(")
                for (position, values) in columns.values.enumerated() {
                    if position > 0 { part.append(", ") }
                    part.bind(values)
                    part.append("::text[]")
                }
                part.append(") AS u(\((0..<columns.values.count).map { "c\($0)" }.joined(separator: ", ")))")
            }
        }
        insert(SearchTables.token, tokens, names: "rid, resource_type, param, system, code, text",
               select: "c0::int8, c1, c2, c3, c4, NULLIF(c5, '')")
        insert(SearchTables.string, strings, names: "rid, resource_type, param, normalized, exact", select: "c0::int8, c1, c2, c3, c4")
        insert(SearchTables.date, dates, names: "rid, resource_type, param, low, high", select: "c0::int8, c1, c2, c3::timestamptz, c4::timestamptz")
        insert(SearchTables.reference, references, names: "rid, resource_type, param, target_type, target_id, url",
               select: "c0::int8, c1, c2, NULLIF(c3, ''), NULLIF(c4, ''), NULLIF(c5, '')")
        insert(SearchTables.quantity, quantities, names: "rid, resource_type, param, value, system, code, canonical_value, canonical_code",
               select: "c0::int8, c1, c2, c3::numeric, c4, c5, NULLIF(c6, '')::numeric, NULLIF(c7, '')")
        insert(SearchTables.number, numbers, names: "rid, resource_type, param, value", select: "c0::int8, c1, c2, c3::numeric")
        insert(SearchTables.uri, uris, names: "rid, resource_type, param, uri", select: "c0::int8, c1, c2, c3")
        insert(SearchTables.composite, composites,
               names: "rid, resource_type, param, system, code, v_system, v_code, v_value, v_canonical_value, v_canonical_code, v_low, v_high, v_string",
               select: "c0::int8, c1, c2, c3, c4, NULLIF(c5, ''), NULLIF(c6, ''), NULLIF(c7, '')::numeric, NULLIF(c8, '')::numeric, NULLIF(c9, ''), NULLIF(c10, '')::timestamptz, NULLIF(c11, '')::timestamptz, NULLIF(c12, '')")
        insert(SearchTables.compartment, compartment, names: "rid, patient_id", select: "c0::int8, c1")
        // The digest of each resource's values, which lets a reindex skip unchanged resources.
        var sql = SQLBuilder()
        for (position, cte) in ctes.enumerated() {
            sql.append(position == 0 ? "WITH w0 AS (" : ", w\(position) AS (")
            cte(&sql)
            sql.append(")")
        }
        sql.append(" UPDATE resource SET index_digest = u.d FROM unnest(")
        sql.bind(rids)
        sql.append("::int8[], ")
        sql.bind(items.map(\.entries.digest))
        sql.append("::int8[]) AS u(r, d) WHERE resource.rid = u.r")
        try await connection.query(sql.query, logger: logger)
    }

    /// The composite's second part as the text columns v_system … v_string.
    private static func compositeValue(_ value: CompositeIndexValue) -> [String] {
        switch value {
        case .token(let system, let code):
            [system, code, "", "", "", "", "", ""]
        case .quantity(let number, let system, let code, let canonicalValue, let canonicalCode):
            [system, code, number.description, canonicalValue?.description ?? "", canonicalCode ?? "", "", "", ""]
        case .date(let low, let high):
            ["", "", "", "", "", timestamp(low, open: "-infinity"), timestamp(high, open: "infinity"), ""]
        case .string(let normalized):
            ["", "", "", "", "", "", "", normalized]
        }
    }

    /// An instant as PostgreSQL reads it, or `open` (`-infinity`, `infinity`) for no bound. The
    /// millisecond is rounded, not truncated, so an instant the `Double` holds a hair below a
    /// whole millisecond keeps it.
    private static func timestamp(_ date: Date?, open: String) -> String {
        guard let date else { return open }
        return FHIRInstant.format(date)
    }

    /// The columns of one table's rows, column by column, as text.
    private struct Columns {
        var values: [[String]]

        init(_ count: Int) { values = Array(repeating: [], count: count) }

        var isEmpty: Bool { values[0].isEmpty }

        mutating func add(_ row: [String]) {
            for (position, value) in row.enumerated() { values[position].append(value) }
        }
    }
}
