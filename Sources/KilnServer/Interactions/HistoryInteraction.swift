import FHIRSearch
import FHIRAccess
import FHIRModel
import FHIRStore
import Foundation

/// What a history request covers.
struct HistoryScope {
    /// The type, or nil for the system.
    var resourceType: String?
    /// The id, or nil for type or system level.
    var id: String?
}

extension FHIRService {
    /// `GET [type]/[id]/_history`, `GET [type]/_history` and `GET _history`, with `_since`, `_count`, `_total`.
    func history(_ scope: HistoryScope, request: FHIRRequest) async throws -> FHIRResponse {
        let interaction: Interaction = scope.id != nil ? .historyInstance : (scope.resourceType != nil ? .historyType : .historySystem)
        let filter = try authorize(interaction, request: request, type: scope.resourceType, id: scope.id)
        if let id = scope.id { try ResourceInput.checkID(id) }
        for parameter in request.query where !["_since", "_count", "_total", "_cursor", "_format", "_pretty", "_summary", "_elements"].contains(parameter.name) {
            throw FHIRError.badRequest("'\(parameter.name)' is not a history parameter; history takes _since, _count and _total", code: .notSupported)
        }
        let page = try PageParameters(request, limits: limits)
        var since: Date?
        if let text = request.value(of: "_since") {
            guard let date = FHIRInstant.parse(text) else {
                throw FHIRError.badRequest("_since must be an instant such as 2024-01-31T12:00:00Z, not '\(text)'")
            }
            since = date
        }
        var cursor: Int64?
        if let text = request.value(of: "_cursor") {
            guard let value = Int64(text) else { throw FHIRError.badRequest("_cursor '\(text)' is not a page position from a next link") }
            cursor = value
        }
        // Versions of resources the filter lets the caller see now, judged by their current version.
        let visible = search.compiler(baseURL: baseURL).visibleResources(resourceTypes: scope.resourceType.map { [$0] }, filter: filter)
        let result = try await store.history(
            HistoryRequest(resourceType: scope.resourceType, id: scope.id, since: since, count: page.count, cursor: cursor, includeTotal: page.includeTotal),
            visibleResources: visible
        )
        if let type = scope.resourceType, let id = scope.id, result.versions.isEmpty, cursor == nil, since == nil,
           try await readVisible(type: type, id: id, filter: filter, in: nil) == nil {
            throw FHIRError.notFound("\(type)/\(id) is not known")
        }
        var path = baseURL
        if let type = scope.resourceType { path += "/\(type)" }
        if let id = scope.id { path += "/\(id)" }
        path += "/_history"
        var linkParameters: [String] = ["_count=\(page.count)"]
        if let text = request.value(of: "_since") { linkParameters.append("_since=\(Self.encodeQueryValue(text))") }
        if page.includeTotal { linkParameters.append("_total=accurate") }
        var links: [(String, String)] = [("self", path + "?" + (linkParameters + (cursor.map { ["_cursor=\($0)"] } ?? [])).joined(separator: "&"))]
        if let next = result.nextCursor {
            links.append(("next", path + "?" + (linkParameters + ["_cursor=\(next)"]).joined(separator: "&")))
        }
        var entries: [JSONValue] = []
        // A past version is shown only when it passes the filter itself: the page's current
        // versions are read in one query to tell past ones apart.
        let currentVersions = filter.isUnrestricted ? [:] : try await store.currentVersionIDs(of: result.versions.map { ($0.resourceType, $0.id) })
        for version in result.versions {
            if !filter.isUnrestricted, version.versionID != currentVersions["\(version.resourceType)/\(version.id)"],
               try !isPastVersionVisible(version, filter: filter) {
                continue
            }
            entries.append(try historyEntry(version))
            if !version.isDeleted { AuditTrail.current?.noteRead(version.reference) }
        }
        // The total counts the versions of the resources the caller may see now.
        let bundle = BundleBuilder.bundle(type: "history", total: result.total, links: links, entries: entries)
        return FHIRResponse(status: 200, body: .json(bundle))
    }

    private func historyEntry(_ version: StoredResource) throws(FHIRError) -> JSONValue {
        var entry = JSONObject()
        entry["fullUrl"] = .string("\(baseURL)/\(version.resourceType)/\(version.id)")
        if let resource = try version.json() { entry["resource"] = resource }
        let url = version.method == .create ? version.resourceType : "\(version.resourceType)/\(version.id)"
        entry["request"] = ["method": .string(version.method.rawValue), "url": .string(url)]
        let status: String
        switch version.method {
        case .create: status = "201 Created"
        case .delete: status = "204 No Content"
        case .update: status = version.versionID == 1 ? "201 Created" : "200 OK"
        case .patch: status = "200 OK"
        }
        entry["response"] = [
            "status": .string(status),
            "etag": .string(version.etag),
            "lastModified": .string(FHIRInstant.format(version.lastUpdated)),
        ]
        return .object(entry)
    }

    /// Percent-encodes a query value for a link URL.
    static func encodeQueryValue(_ value: String) -> String {
        var allowed = CharacterSet.urlQueryAllowed
        allowed.remove(charactersIn: "&=+")
        return value.addingPercentEncoding(withAllowedCharacters: allowed) ?? value
    }
}
