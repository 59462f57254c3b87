import FHIRAccess
import FHIRDefinitions
import FHIRDeidentify
import FHIRModel
import FHIRSearch
import FHIRStore
import Foundation

extension ResearchView {
    /// `GET [type]?…`, `POST [type]/_search` and, with `_type`, the system-level search: the
    /// pseudonyms of the parameters translated back, the clinical search run under the research
    /// view's filter (consent for HRESCH applied before paging), every row de-identified.
    func search(type: String?, request: FHIRRequest, project: ResearchProject) async throws -> ResearchResponse {
        if let type { try checkServed(type, project: project) }
        let policy = try searchPolicy(for: project)
        let plan: ResearchSearchPlan
        do {
            plan = try policy.plan(resourceType: type, parameters: request.query, referenceYear: Self.currentYear())
        } catch {
            throw error.fhirError
        }
        let translation = try await translate(plan, project: project)
        let path = baseURL + (type.map { "/\($0)" } ?? "")
        guard let parameters = translation.parameters else {
            // A pseudonym that names nothing: nothing can match.
            return ResearchResponse(status: 200, body: .searchset(ResearchSearchset(baseURL: baseURL, total: nil, links: [("self", link(path, request.query))], entries: [])))
        }
        var clinicalRequest = request
        clinicalRequest.query = parameters
        let hidden = translation.clinicalIDs
        let filter = try hidingIDs(hidden) { () throws(FHIRError) in
            try clinical.authorize(type == nil ? .searchSystem : .searchType, request: clinicalRequest, type: type)
        }
        let result = try await hidingIDs(hidden) {
            let query = try clinical.search.parser(baseURL: clinical.baseURL, pageSizes: clinical.limits).parse(resourceType: type, parameters: parameters, handling: .strict)
            for searched in query.resourceTypes { try checkServed(searched, project: project) }
            return (query, try await clinical.searchResult(query, filter: filter, in: nil))
        }
        let (query, found) = result
        let rows = (found.matches + found.included).map { (rowID: $0.rid, resource: $0.resource) }
        let shaping = SearchResultShaping(typeModel: clinical.search.registry.catalog.typeModel)
        let resources = try await deidentify(rows, project: project) { shaping.shape($0, summary: query.summary, elements: query.elements) }
        var entries: [ResearchSearchset.Entry] = []
        for (index, resource) in resources.enumerated() {
            guard let resource else { continue }
            entries.append(ResearchSearchset.Entry(resource: resource, mode: index < found.matches.count ? "match" : "include"))
        }
        let seal = ProjectSeal(secret: project.secret)
        let own = request.query.filter { $0.name != "_cursor" && $0.name != "_count" }
        var links: [(relation: String, url: String)] = [("self", link(path, own, count: query.count, cursor: found.fetchedPage ? request.value(of: "_cursor") : nil))]
        if let next = found.nextCursor, let sealed = seal.seal(Data(next.encoded.utf8)) {
            links.append(("next", link(path, own, count: query.count, cursor: sealed)))
        }
        if let previous = found.previousCursor, let sealed = seal.seal(Data(previous.encoded.utf8)) {
            links.append(("previous", link(path, own, count: query.count, cursor: sealed)))
        }
        let searchset = ResearchSearchset(baseURL: baseURL, total: project.reportedTotal(found.total), links: links, entries: entries)
        return ResearchResponse(status: 200, body: .searchset(searchset))
    }

    /// A link under `path` with the research request's own parameters (pseudonyms as given).
    private func link(_ path: String, _ parameters: [QueryParameter], count: Int? = nil, cursor: String? = nil) -> String {
        var parts = parameters.map { "\(FHIRService.encodeQueryValue($0.name))=\(FHIRService.encodeQueryValue($0.value))" }
        if let count { parts.append("_count=\(count)") }
        if let cursor { parts.append("_cursor=\(cursor)") }
        return parts.isEmpty ? path : path + "?" + parts.joined(separator: "&")
    }
}
