import FHIRStore
import Logging

/// Runs `body` with an auth store over a fresh, migrated database of the test cluster.
func withMigratedAuthStore(_ body: @Sendable (AuthStore) async throws -> Void) async throws {
    try await withMigratedStore { store in
        try await body(AuthStore(client: store.client, logger: Logger(label: "test")))
    }
}

/// A public app registered for the tests that need a client.
func publicApp(_ id: String = "app") -> ClientRecord {
    ClientRecord(clientID: id, kind: .public, redirectURIs: ["https://app.example.org/cb"], scope: "openid fhirUser launch/patient patient/*.rs")
}
