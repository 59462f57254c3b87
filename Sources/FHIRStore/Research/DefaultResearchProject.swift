import Logging
import PostgresNIO

/// The built-in project `default`, to which every researcher registered without a project
/// belongs: Safe Harbor, minimum cell size 11. It always exists: ``Migrator`` ensures it after
/// every run, so all nodes read the one secret the first of them stored.
public enum DefaultResearchProject {
    /// Its name: `default`.
    public static let name = "default"
    /// Its profile: Safe Harbor.
    public static let profile = ResearchProfile.safeHarbor
    /// Its minimum cell size, and the default of every new project: 11.
    public static let minimumCellSize = 11

    /// The step that ensures the project once its table exists (migration 12).
    static let seed = SchemaSeed(requiredVersion: 12, name: "default research project") { connection, logger in
        let record = ResearchProjectRecord(name: name, profile: profile, minimumCellSize: minimumCellSize)
        _ = try await ResearchProjectStore.insert(record, on: connection, logger: logger)
    }
}
