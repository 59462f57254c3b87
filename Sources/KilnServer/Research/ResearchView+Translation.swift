import FHIRDeidentify
import FHIRModel
import FHIRSearch
import Foundation

/// A research search's parameters with their pseudonyms turned back into clinical ids.
struct ResearchTranslation {
    /// The parameters the clinical search runs with; nil when a pseudonym names nothing this
    /// project can see, so that nothing can match.
    var parameters: [QueryParameter]?
    /// The clinical ids the pseudonyms stood for, kept out of every message.
    var clinicalIDs: Set<String>
}

extension ResearchView {
    /// The clinical parameters of an accepted search: each pseudonym of `plan` resolved (one
    /// that names nothing leaves its whole search without a match), and `_cursor` opened.
    func translate(_ plan: ResearchSearchPlan, project: ResearchProject) async throws -> ResearchTranslation {
        var resolved: [ResearchPseudonym: String] = [:]
        for pseudonym in plan.pseudonyms where resolved[pseudonym] == nil {
            guard let id = try await clinicalID(of: pseudonym.pseudonym, type: pseudonym.resourceType, project: project) else {
                return ResearchTranslation(parameters: nil, clinicalIDs: Set(resolved.values))
            }
            resolved[pseudonym] = id
        }
        var parameters = plan.parameters { pseudonym in resolved[pseudonym] ?? "" }
        for index in parameters.indices where parameters[index].name == "_cursor" {
            let sealed = parameters[index].value
            guard let opened = ProjectSeal(secret: project.secret).open(sealed), let text = String(data: opened, encoding: .utf8) else {
                throw FHIRError.badRequest("_cursor is not a page position this research view issued; follow the Bundle's next link")
            }
            parameters[index].value = text
        }
        return ResearchTranslation(parameters: parameters, clinicalIDs: Set(resolved.values))
    }
}
