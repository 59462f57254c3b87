import FHIRStore
import KilnTesting
import Logging

/// Runs `body` with a store over a fresh, migrated database of the test cluster, and drops the
/// database afterwards.
func withMigratedStore(_ body: @Sendable (ResourceStore) async throws -> Void) async throws {
    let database = try await TestCluster.shared.makeDatabase()
    try await TestCluster.withClient(database) { client in
        let logger = Logger(label: "test")
        try await Migrator().migrate(client: client, logger: logger)
        try await body(ResourceStore(client: client, logger: logger))
    }
    try await TestCluster.shared.dropDatabase(database)
}
