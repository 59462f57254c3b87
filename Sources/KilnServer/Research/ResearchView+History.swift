import FHIRAccess
import FHIRDeidentify
import FHIRModel
import FHIRSearch
import FHIRStore
import Foundation

extension ResearchView {
    /// `GET [type]/[pseudonym]/_history`: the versions the research view's filter lets the
    /// caller see, newest first, each de-identified; `_count` and `_cursor` only (`_since` would
    /// ask with an instant finer than the profile keeps). Entries carry the pseudonymous URL,
    /// the method and the ETag, never a time.
    func history(type: String, pseudonym: String, request: FHIRRequest, project: ResearchProject) async throws -> ResearchResponse {
        try checkServed(type, project: project)
        for parameter in request.query where !["_count", "_cursor", "_format", "_pretty"].contains(parameter.name) {
            throw FHIRError.badRequest("'\(parameter.name)' is not a history parameter of the research view; it takes _count and _cursor", code: .notSupported)
        }
        let (id, rowID, filter) = try await visibleInstance(type: type, pseudonym: pseudonym, interaction: .historyInstance, request: request, project: project)
        let page = try PageParameters(request, limits: clinical.limits)
        let seal = ProjectSeal(secret: project.secret)
        var cursor: Int64?
        if let sealed = request.value(of: "_cursor") {
            guard let opened = seal.open(sealed), let text = String(data: opened, encoding: .utf8), let value = Int64(text) else {
                throw FHIRError.badRequest("_cursor is not a page position this research view issued; follow the Bundle's next link")
            }
            cursor = value
        }
        let visible = clinical.search.compiler(baseURL: clinical.baseURL).visibleResources(resourceTypes: [type], filter: filter)
        let result = try await clinical.store.history(HistoryRequest(resourceType: type, id: id, count: page.count, cursor: cursor, includeTotal: false), visibleResources: visible)
        var shown: [StoredResource] = []
        let current = try await clinical.store.currentVersionIDs(of: [(type, id)])["\(type)/\(id)"]
        for version in result.versions {
            if version.versionID == current { shown.append(version) } else if try clinical.isPastVersionVisible(version, filter: filter) { shown.append(version) }
        }
        let resources = try await deidentify(shown.map { (rowID, $0) }, project: project)
        var entries: [ResearchHistory.Entry] = []
        for (version, resource) in zip(shown, resources) {
            // A version the engine cannot serve is left out; a deletion has no resource.
            if resource == nil, !version.isDeleted { continue }
            entries.append(ResearchHistory.Entry(resource: resource, resourceType: type, pseudonym: pseudonym, method: version.method, versionID: version.versionID))
        }
        let path = "\(baseURL)/\(type)/\(pseudonym)/_history"
        var links: [(relation: String, url: String)] = [("self", path + "?_count=\(page.count)" + (request.value(of: "_cursor").map { "&_cursor=\($0)" } ?? ""))]
        if let next = result.nextCursor, let sealed = seal.seal(Data(String(next).utf8)) {
            links.append(("next", path + "?_count=\(page.count)&_cursor=\(sealed)"))
        }
        return ResearchResponse(status: 200, body: .history(ResearchHistory(baseURL: baseURL, links: links, entries: entries)))
    }

    /// `GET [type]/[pseudonym]/_history/[vid]`: one version, de-identified.
    func vread(type: String, pseudonym: String, version: String, request: FHIRRequest, project: ResearchProject) async throws -> ResearchResponse {
        try checkServed(type, project: project)
        guard let versionID = Int64(version), versionID > 0 else {
            throw FHIRError.badRequest("'\(version)' is not a version id; versions are positive integers")
        }
        let (id, rowID, filter) = try await visibleInstance(type: type, pseudonym: pseudonym, interaction: .vread, request: request, project: project)
        let notFound = FHIRError.notFound("\(type)/\(pseudonym) has no version \(version) in this research view")
        guard let stored = try await clinical.store.read(resourceType: type, id: id, versionID: versionID) else { throw notFound }
        let current = try await clinical.store.currentVersionIDs(of: [(type, id)])["\(type)/\(id)"]
        let visible = try stored.versionID == current || clinical.isPastVersionVisible(stored, filter: filter)
        guard visible else { throw notFound }
        if stored.isDeleted {
            throw FHIRError(status: 410, code: .deleted, "Version \(version) of \(type)/\(pseudonym) is its deletion")
        }
        guard let resource = try await deidentify([(rowID, stored)], project: project).first ?? nil else {
            throw FHIRError(status: 404, code: .notFound, "\(type)/\(pseudonym) version \(version) cannot be served de-identified")
        }
        return ResearchResponse(status: 200, body: .resource(resource), etag: stored.etag)
    }

    /// The clinical id and row of a pseudonym whose current version the caller may see, and the
    /// filter of `interaction`; 404 otherwise.
    private func visibleInstance(type: String, pseudonym: String, interaction: Interaction, request: FHIRRequest,
                                 project: ResearchProject) async throws -> (id: String, rowID: Int64, filter: AccessFilter) {
        let notFound = FHIRError.notFound("\(type)/\(pseudonym) is not known in this research view")
        guard let rowID = project.keyedPseudonyms.internalKey(ofPseudonym: pseudonym, resourceType: type),
              let id = try await clinical.store.id(ofRow: rowID, resourceType: type) else { throw notFound }
        var clinicalRequest = request
        clinicalRequest.route = .instance(type, id)
        clinicalRequest.query = []
        let filter = try hidingIDs([id]) { () throws(FHIRError) in try clinical.authorize(interaction, request: clinicalRequest, type: type, id: id) }
        guard try await clinical.readVisible(type: type, id: id, filter: filter, in: nil) != nil else { throw notFound }
        return (id, rowID, filter)
    }
}
