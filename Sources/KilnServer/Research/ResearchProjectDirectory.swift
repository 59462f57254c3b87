/// Where the research view finds the project a researcher belongs to, by name.
public protocol ResearchProjectDirectory: Sendable {
    /// The project `name`; nil when there is no such project.
    func project(named name: String) async throws -> ResearchProject?
}
