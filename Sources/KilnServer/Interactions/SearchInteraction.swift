import FHIRAccess
import FHIRModel
import FHIRStore

extension FHIRService {
    /// `GET [type]?…`: search on `_id` and `identifier` with `_count`, `_offset` and `_total`.
    func search(type: String, request: FHIRRequest, in transaction: StoreTransaction?) async throws -> FHIRResponse {
        let filter = try authorize(.searchType, request: request, type: type)
        let resultParameters: Set<String> = ["_count", "_offset", "_total", "_format", "_pretty"]
        let criteria = try ConditionalCriteria.parse(request.query, ignoring: resultParameters)
        let page = try PageParameters(request, limits: limits)
        var offset = 0
        if let text = request.value(of: "_offset") {
            guard let value = Int(text), value >= 0 else { throw FHIRError.badRequest("_offset must be a non-negative integer, not '\(text)'") }
            offset = value
        }
        let result = try await store.search(resourceType: type, criteria: criteria, filter: filter, count: page.count + 1, offset: offset, includeTotal: page.includeTotal)
        let hasNext = result.resources.count > page.count
        let resources = result.resources.prefix(page.count)
        var linkParameters = request.query
            .filter { !["_offset", "_format", "_pretty"].contains($0.name) }
            .map { "\(Self.encodeQueryValue($0.name))=\(Self.encodeQueryValue($0.value))" }
        if request.value(of: "_count") == nil { linkParameters.append("_count=\(page.count)") }
        let selfQuery = (linkParameters + (offset > 0 ? ["_offset=\(offset)"] : [])).joined(separator: "&")
        var links: [(String, String)] = [("self", "\(baseURL)/\(type)" + (selfQuery.isEmpty ? "" : "?\(selfQuery)"))]
        if hasNext {
            links.append(("next", "\(baseURL)/\(type)?" + (linkParameters + ["_offset=\(offset + page.count)"]).joined(separator: "&")))
        }
        var entries: [JSONValue] = []
        for stored in resources {
            guard let resource = try stored.json() else { continue }
            entries.append([
                "fullUrl": .string("\(baseURL)/\(type)/\(stored.id)"),
                "resource": resource,
                "search": ["mode": "match"],
            ])
        }
        let total = result.total ?? (offset == 0 && !hasNext ? entries.count : nil)
        return FHIRResponse(status: 200, body: .json(BundleBuilder.bundle(type: "searchset", total: total, links: links, entries: entries)))
    }
}
