import FHIRDeidentify
import FHIRModel
import FHIRStore
import Logging
import PostgresNIO

/// The research projects registered in the database (`kiln project add`), shared by every node.
enum StoredResearchProjects {
    /// A directory over the `research_project` table, each project's profile one of `profiles`,
    /// read at most once every ``CachedResearchProjects/lifetime``.
    static func directory(client: PostgresClient, research: ResearchServices, logger: Logger) -> any ResearchProjectDirectory {
        let store = ResearchProjectStore(client: client, logger: logger)
        let byName = Dictionary(research.profiles.map { ($0.name, $0) }, uniquingKeysWith: { first, _ in first })
        return CachedResearchProjects { name in
            guard let record = try await store.project(named: name) else { return nil }
            guard let rules = byName[record.profile.rawValue] else {
                throw FHIRError(status: 503, code: .exception, "The research project's de-identification profile \(record.profile.rawValue) is not loaded on this server")
            }
            guard let secret = PseudonymSecret(bytes: record.secret) else {
                throw FHIRError(status: 503, code: .exception, "The research project's pseudonym key is unusable; ask an administrator to recreate the project")
            }
            var minimum = record.minimumCellSize
            if record.name == ResearchView.defaultProjectName, let configured = research.defaultProjectMinimumCellSize { minimum = configured }
            return ResearchProject(name: record.name, rules: rules, minimumCellSize: minimum, secret: secret)
        }
    }
}
