import FHIRModel
import FHIRSearch
import FHIRStore
import Foundation

/// The search parameters of `AuditEvent`, read into an ``FHIRStore/AuditLogQuery`` over the
/// audit log's own indexes: `date` (with `eq`, `ge`, `gt`, `le`, `lt`), `agent`, `patient`,
/// `entity`, `type`, `subtype`, `outcome`, `purpose`, `action`, `_id`; `_sort` (`date` or
/// `-date`, the default), `_count` and `_cursor`. A comma separates alternatives; a token may
/// carry its system (`system|code`), which is not compared.
enum AuditEventSearchParameters {
    /// The largest page.
    static let maximumCount = 1000

    /// The query `parameters` ask for; an unknown or malformed parameter is a 400, or with
    /// `lenient` ignored.
    static func query(_ parameters: [QueryParameter], lenient: Bool, defaultCount: Int = 50) throws(FHIRError) -> AuditLogQuery {
        var query = AuditLogQuery()
        query.count = defaultCount
        for parameter in parameters {
            let values = parameter.value.split(separator: ",").map(String.init)
            switch parameter.name {
            case "date":
                for value in values { try narrow(&query, date: value) }
            case "agent": query.agents += values
            case "patient": query.patients += values.map { $0.hasPrefix("Patient/") ? $0 : "Patient/\($0)" }
            case "entity": query.entities += values
            case "type": query.types += values.map(code)
            case "subtype": query.subtypes += values.map(code)
            case "outcome": query.outcomes += values.map(code)
            case "purpose": query.purposes += values.map(code)
            case "action": query.actions += values.map(code)
            case "_id": query.ids += values
            case "_sort":
                switch parameter.value {
                case "-date", "-_lastUpdated": query.newestFirst = true
                case "date", "_lastUpdated": query.newestFirst = false
                default: throw FHIRError.badRequest("AuditEvent is sorted by date: _sort=-date (newest first) or _sort=date, not '\(parameter.value)'")
                }
            case "_count":
                guard let count = Int(parameter.value), (0...maximumCount).contains(count) else {
                    throw FHIRError.badRequest("_count must be a number from 0 to \(maximumCount), not '\(parameter.value)'")
                }
                query.count = count
            case "_cursor":
                guard let after = Int64(parameter.value), after > 0 else {
                    throw FHIRError.badRequest("_cursor '\(parameter.value)' is not a position from a next link")
                }
                query.after = after
            case "_format", "_pretty":
                continue
            default:
                if lenient { continue }
                throw FHIRError.badRequest(
                    "'\(parameter.name)' is not a search parameter of AuditEvent here; use date, agent, patient, entity, type, subtype, outcome, purpose, action, _id, _sort, _count",
                    code: .notSupported)
            }
        }
        return query
    }

    /// The code of a token value, without its system.
    private static func code(_ value: String) -> String {
        value.split(separator: "|", omittingEmptySubsequences: false).last.map(String.init) ?? value
    }

    /// Narrows the query's recorded range by one `date` value.
    private static func narrow(_ query: inout AuditLogQuery, date text: String) throws(FHIRError) {
        var comparator = "eq"
        var value = text
        if let prefix = ["eq", "ge", "gt", "le", "lt"].first(where: { text.hasPrefix($0) }) {
            comparator = prefix
            value = String(text.dropFirst(2))
        }
        guard let range = SearchDateValue(parsing: value) else {
            throw FHIRError.badRequest("date must be a date or instant with an optional prefix eq, ge, gt, le or lt (e.g. ge2026-01-31), not '\(text)'")
        }
        func from(_ date: Date) { query.recordedFrom = max(query.recordedFrom ?? date, date) }
        func before(_ date: Date) { query.recordedBefore = min(query.recordedBefore ?? date, date) }
        switch comparator {
        case "ge": from(range.low)
        case "gt": from(range.high)
        case "le": before(range.high)
        case "lt": before(range.low)
        default:
            from(range.low)
            before(range.high)
        }
    }
}
