import FHIRModel
import KilnTesting

/// Whether Kiln and the hand-written SQL return the same page for the same requests: the same
/// matches in the same order, the same included resources, and a next page on both or neither.
public struct RowAgreement: Sendable, Hashable, Codable {
    /// Requests compared.
    public let requests: Int
    /// Whether every one agreed.
    public let agreed: Bool
    /// What differed first, when something did.
    public let difference: String?

    /// Compares `requests` (the representative first) on both sides.
    static func check(_ requests: [SearchRequest], pageSize: Int, kiln: KilnClient, sql: SQLSearchTarget) async throws -> RowAgreement {
        for request in requests {
            let response = try await kiln.get(request.kilnPath)
            guard response.status == 200, let bundle = response.json else {
                throw BenchmarkError.unexpectedResponse(request: "GET \(request.kilnPath)", status: response.status, body: response.text)
            }
            let rows = try await sql.rows(request.sql)
            if let difference = difference(bundle: bundle, rows: rows, pageSize: pageSize) {
                return RowAgreement(requests: requests.count, agreed: false, difference: "\(request.kilnPath): \(difference)")
            }
        }
        return RowAgreement(requests: requests.count, agreed: true, difference: nil)
    }

    /// What differs between Kiln's searchset and the SQL's rows, or nil.
    static func difference(bundle: JSONValue, rows: [SQLSearchTarget.Row], pageSize: Int) -> String? {
        let entries = bundle["entry"]?.arrayValue ?? []
        func ids(mode: String) -> [String] {
            entries.filter { $0["search"]?["mode"]?.stringValue == mode }.compactMap { $0["resource"]?["id"]?.stringValue }
        }
        let kilnMatches = ids(mode: "match")
        let kilnIncludes = ids(mode: "include")
        let sqlMatches = rows.filter { $0.part == 0 }.map(\.id)
        let sqlIncludes = rows.filter { $0.part == 1 }.map(\.id)
        if kilnMatches != Array(sqlMatches.prefix(pageSize)) {
            return "Kiln matched \(kilnMatches.count) resources, the SQL \(min(sqlMatches.count, pageSize)) (first ids \(kilnMatches.first ?? "–") and \(sqlMatches.first ?? "–"))"
        }
        if kilnIncludes != sqlIncludes {
            return "Kiln included \(kilnIncludes.count) resources, the SQL \(sqlIncludes.count)"
        }
        let kilnHasNext = PageWalk.nextLink(of: bundle) != nil
        let sqlHasNext = sqlMatches.count > pageSize
        if kilnHasNext != sqlHasNext {
            return "Kiln \(kilnHasNext ? "has" : "has no") next link; the SQL found \(sqlMatches.count) rows for a page of \(pageSize)"
        }
        return nil
    }
}
