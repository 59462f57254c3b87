import FHIRModel
import FHIRSearch
import Foundation

/// The benchmarked searches written by hand against Kiln's tables: what an engineer who knows
/// the schema would write for the same rows, in the same order (`rid`), with the same page size
/// plus one row (which tells whether a next page exists), values bound.
///
/// Every statement returns `part` (0 for a match, 1 for an included resource), `rid`, `id` and
/// the stored JSON text. Index rows exist only for current, not deleted versions (a deletion
/// removes them), so subqueries on index tables need no liveness check of their own.
///
/// Where the plain formulation leaves PostgreSQL a poor plan, the statement says more than the
/// search strictly needs, without changing the rows: a redundant bound that gives an index a
/// narrow range (birth year, keyset page), or a per-row probe that stops at the first match
/// (`_has`). The comment of each says what it adds.
enum HandWrittenSQL {
    /// The select list and the join to the current version's text, for alias `r`.
    private static let head = """
        SELECT 0 AS part, r.rid, v.id, v.raw FROM resource r \
        JOIN resource_version v ON v.resource_type = r.resource_type AND v.id = r.id AND v.version_id = r.version_id
        """

    /// `r` is a current, not deleted resource of `type`.
    private static func live(_ type: String) -> String {
        "r.resource_type = '\(type)' AND r.version_id > 0 AND NOT r.is_deleted"
    }

    /// `Observation?patient=X&code=Y&date=geD`: the date range is `[from, from + 1 day)`, and
    /// `ge` matches values starting in it or later, or reaching past it.
    static func patientCodeDate(patientID: String, code: String, from: Date, pageSize: Int) -> SQLStatement {
        SQLStatement(text: """
            \(head) WHERE \(live("Observation")) \
            AND EXISTS (SELECT 1 FROM search_reference p WHERE p.rid = r.rid AND p.resource_type = 'Observation' \
            AND p.param = 'patient' AND p.target_type = 'Patient' AND p.target_id = $1) \
            AND EXISTS (SELECT 1 FROM search_token c WHERE c.rid = r.rid AND c.resource_type = 'Observation' AND c.param = 'code' AND c.code = $2) \
            AND EXISTS (SELECT 1 FROM search_date d WHERE d.rid = r.rid AND d.resource_type = 'Observation' AND d.param = 'date' \
            AND (d.low >= $3 OR d.high > $4)) \
            ORDER BY r.rid LIMIT $5
            """, bindings: [.text(patientID), .text(code), .timestamp(from), .timestamp(from.addingTimeInterval(86_400)), .integer(Int64(pageSize + 1))])
    }

    /// `Observation?code=Y&value-quantity=gtN` (a number without unit compares the value as written).
    static func codeQuantity(code: String, above threshold: String, pageSize: Int) -> SQLStatement {
        SQLStatement(text: """
            \(head) WHERE \(live("Observation")) \
            AND EXISTS (SELECT 1 FROM search_token c WHERE c.rid = r.rid AND c.resource_type = 'Observation' AND c.param = 'code' AND c.code = $1) \
            AND EXISTS (SELECT 1 FROM search_quantity q WHERE q.rid = r.rid AND q.resource_type = 'Observation' \
            AND q.param = 'value-quantity' AND q.value > $2::numeric) \
            ORDER BY r.rid LIMIT $3
            """, bindings: [.text(code), .text(threshold), .integer(Int64(pageSize + 1))])
    }

    /// `Patient?name=P&birthdate=YYYY`: a name part starting with `P` (normalized), born within the
    /// year. A stored date range `[low, high)` inside the year also starts before the year's end,
    /// so `low < $3` is redundant; it turns `search_date_low` into a scan of one year.
    static func nameBirthYear(prefix: String, year: Int, pageSize: Int) -> SQLStatement {
        SQLStatement(text: """
            \(head) WHERE \(live("Patient")) \
            AND EXISTS (SELECT 1 FROM search_string n WHERE n.rid = r.rid AND n.resource_type = 'Patient' AND n.param = 'name' AND n.normalized LIKE $1) \
            AND EXISTS (SELECT 1 FROM search_date b WHERE b.rid = r.rid AND b.resource_type = 'Patient' AND b.param = 'birthdate' \
            AND b.low >= $2 AND b.low < $3 AND b.high <= $3) \
            ORDER BY r.rid LIMIT $4
            """, bindings: [.text(prefix + "%"), .timestamp(yearStart(year)), .timestamp(yearStart(year + 1)), .integer(Int64(pageSize + 1))])
    }

    /// `DiagnosticReport?patient=X&_include=DiagnosticReport:result`, in one statement: the page,
    /// then the Observations its first `pageSize` reports name as results, not already on the page.
    static func reportsWithResults(patientID: String, pageSize: Int) -> SQLStatement {
        SQLStatement(text: """
            WITH page AS (SELECT r.rid, r.resource_type, r.id, r.version_id FROM resource r WHERE \(live("DiagnosticReport")) \
            AND EXISTS (SELECT 1 FROM search_reference p WHERE p.rid = r.rid AND p.resource_type = 'DiagnosticReport' \
            AND p.param = 'patient' AND p.target_type = 'Patient' AND p.target_id = $1) \
            ORDER BY r.rid LIMIT $2), \
            shown AS (SELECT rid FROM page ORDER BY rid LIMIT $3), \
            included AS (SELECT DISTINCT t.rid, t.resource_type, t.id, t.version_id FROM shown s \
            JOIN search_reference x ON x.rid = s.rid AND x.param = 'result' \
            JOIN resource t ON t.resource_type = x.target_type AND t.id = x.target_id \
            WHERE t.version_id > 0 AND NOT t.is_deleted AND t.rid NOT IN (SELECT rid FROM shown)) \
            SELECT 0 AS part, p.rid, v.id, v.raw FROM page p \
            JOIN resource_version v ON v.resource_type = p.resource_type AND v.id = p.id AND v.version_id = p.version_id \
            UNION ALL \
            SELECT 1, i.rid, v.id, v.raw FROM included i \
            JOIN resource_version v ON v.resource_type = i.resource_type AND v.id = i.id AND v.version_id = i.version_id \
            ORDER BY part, rid
            """, bindings: [.text(patientID), .integer(Int64(pageSize + 1)), .integer(Int64(pageSize))])
    }

    /// `Patient?_has:Observation:patient:code=Y`: Patients some Observation with code Y refers to.
    /// A lateral probe with `LIMIT 1` walks the Patients in `rid` order and stops at each one's
    /// first such Observation; written as `EXISTS`, PostgreSQL joins every Observation with the
    /// code to its Patient before it takes the first page.
    static func patientsWithObservation(code: String, pageSize: Int) -> SQLStatement {
        SQLStatement(text: """
            SELECT 0 AS part, r.rid, v.id, v.raw FROM resource r \
            CROSS JOIN LATERAL (SELECT 1 FROM search_reference x JOIN search_token c ON c.rid = x.rid \
            WHERE x.target_id = r.id AND x.target_type = 'Patient' AND x.param = 'patient' AND x.resource_type = 'Observation' \
            AND c.resource_type = 'Observation' AND c.param = 'code' AND c.code = $1 LIMIT 1) AS has \
            JOIN resource_version v ON v.resource_type = r.resource_type AND v.id = r.id AND v.version_id = r.version_id \
            WHERE \(live("Patient")) \
            ORDER BY r.rid LIMIT $2
            """, bindings: [.text(code), .integer(Int64(pageSize + 1))])
    }

    /// A next page of `Observation?code=Y`: the rows after the previous page's last row (keyset).
    /// The bound is repeated inside the `EXISTS` (`c.rid > $1`), so that the index rows are read
    /// from the anchor on, not from the first one.
    static func codePageAfter(code: String, anchor: Int64, pageSize: Int) -> SQLStatement {
        SQLStatement(text: """
            \(head) WHERE \(live("Observation")) AND r.rid > $1 \
            AND EXISTS (SELECT 1 FROM search_token c WHERE c.rid = r.rid AND c.rid > $1 AND c.resource_type = 'Observation' AND c.param = 'code' AND c.code = $2) \
            ORDER BY r.rid LIMIT $3
            """, bindings: [.integer(anchor), .text(code), .integer(Int64(pageSize + 1))])
    }

    /// 00:00 UTC on 1 January of `year`.
    static func yearStart(_ year: Int) -> Date {
        day(FHIRInstant.daysSince1970(year: year, month: 1, day: 1))
    }

    /// 00:00 UTC of `day` (days since 1970); dates without a time zone are UTC in Kiln's search.
    static func day(_ day: Int) -> Date {
        Date(timeIntervalSince1970: Double(day) * 86_400)
    }
}
