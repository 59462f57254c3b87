import FHIRAccess
import FHIRDeidentify
import FHIRModel
import FHIRSearch
import FHIRStore

extension ResearchView {
    /// `GET [type]/[pseudonym]`: the current version, de-identified; 404 when the pseudonym
    /// names nothing this project can see, 410 when the resource was deleted.
    func read(type: String, pseudonym: String, request: FHIRRequest, project: ResearchProject) async throws -> ResearchResponse {
        try checkServed(type, project: project)
        let notFound = FHIRError.notFound("\(type)/\(pseudonym) is not known in this research view")
        let keyed = project.keyedPseudonyms
        guard let rowID = keyed.internalKey(ofPseudonym: pseudonym, resourceType: type) else { throw notFound }
        // The access decision is the type's (it never depends on the id, which is not known
        // before the row is read), so the row is read and its visibility checked in one query.
        let filter = try clinical.authorize(.read, request: request, type: type)
        let visibility = clinical.search.compiler(baseURL: clinical.baseURL).visibility(resourceType: type, rowID: rowID, filter: filter)
        guard let stored = try await clinical.store.readVisible(rowID: rowID, resourceType: type, visibility: visibility) else { throw notFound }
        if stored.isDeleted {
            throw FHIRError(status: 410, code: .deleted, "\(type)/\(pseudonym) was deleted")
        }
        if let ifNoneMatch = request.ifNoneMatch, ETag.matches(ifNoneMatch, versionID: stored.versionID) {
            return ResearchResponse(status: 304, body: .none, etag: stored.etag)
        }
        guard let resource = try await deidentify([(rowID, stored)], project: project).first ?? nil else {
            throw FHIRError(status: 404, code: .notFound, "\(type)/\(pseudonym) cannot be served de-identified")
        }
        return ResearchResponse(status: 200, body: .resource(resource), etag: stored.etag)
    }

    /// The clinical id of the resource a pseudonym of `type` stands for; nil when it stands for
    /// none (made up, another project's, another type's, or a row that no longer exists).
    func clinicalID(of pseudonym: String, type: String, project: ResearchProject) async throws -> String? {
        let keyed = project.keyedPseudonyms
        guard let rowID = keyed.internalKey(ofPseudonym: pseudonym, resourceType: type) else { return nil }
        return try await clinical.store.id(ofRow: rowID, resourceType: type)
    }

    /// Throws 404 for a type the project's view does not serve, saying why.
    func checkServed(_ type: String, project: ResearchProject) throws(FHIRError) {
        if DeidentificationEngine.neverServedTypes.contains(type) {
            throw FHIRError.notFound("\(type) is never served by the de-identified research view")
        }
        guard servedTypes(of: project).contains(type) else {
            throw FHIRError.notFound("\(type) is not served by the research view under the \(project.rules.name) profile; it serves \(servedTypes(of: project).sorted().joined(separator: ", "))")
        }
    }

    /// Runs `body`; an error whose text names one of `ids` (clinical ids the view translated
    /// pseudonyms into) is replaced by one that keeps its status and says only what failed.
    func hidingIDs<T>(_ ids: Set<String>, _ body: () async throws -> T) async throws -> T {
        do {
            return try await body()
        } catch let error as FHIRError {
            throw Self.hiding(ids, in: error)
        }
    }

    /// The same for a synchronous throwing body.
    func hidingIDs<T>(_ ids: Set<String>, _ body: () throws(FHIRError) -> T) throws(FHIRError) -> T {
        do {
            return try body()
        } catch {
            throw Self.hiding(ids, in: error)
        }
    }

    private static func hiding(_ ids: Set<String>, in error: FHIRError) -> FHIRError {
        let text = error.issues.map(\.diagnostics).joined(separator: " ")
        guard ids.contains(where: { text.contains($0) }) else { return error }
        var hidden = FHIRError(status: error.status, code: error.issues.first?.code ?? .processing,
                               "The request could not be answered in the research view (HTTP \(error.status)); the message would have named a resource outside this view")
        hidden.headers = error.headers.filter { $0.key == "Allow" }
        return hidden
    }
}
