import FHIRModel
import SMARTAuth

extension ResearchView {
    /// The project every researcher registered without one belongs to.
    public static let defaultProjectName = SMARTCaller.defaultResearchProject

    /// Answers one request of the research view for the project `projectName`.
    func handle(_ request: FHIRRequest, projectName: String) async throws -> ResearchResponse {
        if request.method == .post, !request.route.isSearchByPost {
            throw FHIRError.methodNotAllowed("The research view is read-only: POST is allowed only for _search", allow: ["GET", "HEAD"])
        }
        guard let project = try await projects.project(named: projectName) else {
            throw FHIRError.forbidden("The research project '\(projectName)' does not exist; ask an administrator to register it (kiln project add)")
        }
        if let type = request.route.resourceType { try clinical.checkResourceType(type) }
        switch request.route {
        case .metadata:
            return ResearchResponse(status: 200, body: .serverDocument(try capabilityStatement(project: project)))
        case .instance(let type, let pseudonym):
            return try await read(type: type, pseudonym: pseudonym, request: request, project: project)
        case .type(let type), .typeSearch(let type):
            return try await search(type: type, request: request, project: project)
        case .system, .systemSearch:
            return try await search(type: nil, request: request, project: project)
        case .instanceHistory(let type, let pseudonym):
            return try await history(type: type, pseudonym: pseudonym, request: request, project: project)
        case .version(let type, let pseudonym, let version):
            return try await vread(type: type, pseudonym: pseudonym, version: version, request: request, project: project)
        case .typeHistory, .systemHistory:
            throw FHIRError(status: 404, code: .notSupported, "The research view serves the history of one resource only (Type/PSEUDONYM/_history): type and system history list every patient's changes in the order they were made, which dates them finer than the view keeps dates")
        case .operation(let name, _, _):
            throw FHIRError(status: 404, code: .notSupported, "The operation $\(name) is not served by the research view")
        }
    }
}
