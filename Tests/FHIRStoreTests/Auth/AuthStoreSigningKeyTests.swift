import FHIRStore
import Foundation
import Testing

/// The server's signing key, shared by all nodes.
@Suite("AuthStore signing keys")
struct AuthStoreSigningKeyTests {
    @Test("Nodes storing a first key together all get the same one")
    func firstKeyRace() async throws {
        try await withMigratedAuthStore { auth async throws in
            #expect(try await auth.currentSigningKey() == nil)
            let kids = try await withThrowingTaskGroup(of: String.self) { group in
                for node in 0..<6 {
                    group.addTask { try await auth.storeSigningKey(kid: "node-\(node)", privateKeyPEM: "PEM \(node)").kid }
                }
                return try await group.reduce(into: Set<String>()) { $0.insert($1) }
            }
            #expect(kids.count == 1)
            let current = try #require(try await auth.currentSigningKey())
            #expect(kids == [current.kid])
            #expect(current.privateKeyPEM == "PEM \(current.kid.dropFirst("node-".count))")
            #expect(try await auth.signingKeys().count == 1)
        }
    }

    @Test("A retired key gives way to a successor and is still listed")
    func rotation() async throws {
        try await withMigratedAuthStore { auth async throws in
            _ = try await auth.storeSigningKey(kid: "k1", privateKeyPEM: "one")
            #expect(try await auth.storeSigningKey(kid: "k2", privateKeyPEM: "two").kid == "k1")
            #expect(try await auth.retireSigningKey(kid: "k1"))
            #expect(try await auth.retireSigningKey(kid: "k1") == false)
            #expect(try await auth.storeSigningKey(kid: "k2", privateKeyPEM: "two").kid == "k2")
            #expect(try await auth.currentSigningKey()?.kid == "k2")
            let keys = try await auth.signingKeys()
            #expect(keys.map(\.kid) == ["k2", "k1"])
            #expect(keys.last?.retiredAt != nil)
            #expect(try await auth.retireSigningKey(kid: "k2"))
            await #expect(throws: AuthStoreError.signingKeyExists("k1")) {
                try await auth.storeSigningKey(kid: "k1", privateKeyPEM: "again")
            }
        }
    }
}
