import Foundation

/// Research projects read from the database and kept for a short while, so that a research
/// request costs no registry query; a project added, changed or removed is seen by every node
/// within ``lifetime``.
actor CachedResearchProjects: ResearchProjectDirectory {
    /// How long a project read stays in use: 30 seconds.
    static let lifetime: Duration = .seconds(30)

    private let fetch: @Sendable (String) async throws -> ResearchProject?
    private var cached: [String: (project: ResearchProject?, fetched: ContinuousClock.Instant)] = [:]
    private let clock = ContinuousClock()

    /// Projects found with `fetch`.
    init(fetch: @escaping @Sendable (String) async throws -> ResearchProject?) {
        self.fetch = fetch
    }

    /// The project `name`, from the cache while it is fresh.
    func project(named name: String) async throws -> ResearchProject? {
        if let entry = cached[name], clock.now - entry.fetched < Self.lifetime { return entry.project }
        let project = try await fetch(name)
        cached[name] = (project, clock.now)
        return project
    }
}
