import FHIRStore
import Foundation
import Testing

/// Client assertion ids, refused when replayed.
@Suite("AuthStore assertion replay")
struct AuthStoreAssertionTests {
    @Test("An assertion jti is new once per client")
    func replay() async throws {
        try await withMigratedAuthStore { auth async throws in
            let expiry = Date().addingTimeInterval(300)
            #expect(try await auth.recordAssertion(clientID: "etl", jti: "j1", expiresAt: expiry))
            #expect(try await auth.recordAssertion(clientID: "etl", jti: "j1", expiresAt: expiry) == false)
            #expect(try await auth.recordAssertion(clientID: "other", jti: "j1", expiresAt: expiry))
        }
    }

    @Test("Of concurrent presentations of one assertion exactly one is new")
    func concurrentReplay() async throws {
        try await withMigratedAuthStore { auth async throws in
            let expiry = Date().addingTimeInterval(300)
            let fresh = try await withThrowingTaskGroup(of: Bool.self) { group in
                for _ in 0..<6 {
                    group.addTask { try await auth.recordAssertion(clientID: "etl", jti: "same", expiresAt: expiry) }
                }
                return try await group.reduce(0) { $0 + ($1 ? 1 : 0) }
            }
            #expect(fresh == 1)
        }
    }
}
