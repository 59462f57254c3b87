import FHIRStore
import Foundation
import Testing

/// Revoked access tokens, seen by every node.
@Suite("AuthStore access token revocation")
struct AuthStoreRevocationTests {
    @Test("A revoked jti is revoked; others are not; revoking twice keeps one row")
    func revokeAndCheck() async throws {
        try await withMigratedAuthStore { auth async throws in
            let expiry = Date().addingTimeInterval(300)
            #expect(try await auth.isRevoked(jti: "t1") == false)
            try await auth.revoke(jti: "t1", expiresAt: expiry)
            try await auth.revoke(jti: "t1", expiresAt: expiry)
            #expect(try await auth.isRevoked(jti: "t1"))
            #expect(try await auth.isRevoked(jti: "t2") == false)
            #expect(try await auth.revocations(since: .distantPast).tokens.map(\.jti) == ["t1"])
        }
    }

    @Test("A poll from the previous check sees only newer revocations, and no expired ones")
    func polling() async throws {
        try await withMigratedAuthStore { auth async throws in
            try await auth.revoke(jti: "old", expiresAt: Date().addingTimeInterval(300))
            try await auth.revoke(jti: "expired", expiresAt: Date().addingTimeInterval(-1))
            let first = try await auth.revocations(since: .distantPast)
            #expect(first.tokens.map(\.jti) == ["old"])

            try await auth.revoke(jti: "new", expiresAt: Date().addingTimeInterval(300))
            let second = try await auth.revocations(since: first.checkedAt)
            #expect(second.tokens.map(\.jti) == ["new"])
            #expect(second.checkedAt >= first.checkedAt)
            let overlapping = try await auth.revocations(since: second.checkedAt.addingTimeInterval(-AuthStore.pollingOverlap))
            #expect(Set(overlapping.tokens.map(\.jti)) == ["old", "new"])
        }
    }

    @Test("One poll reads revoked tokens, changed clients and removed users, each from its own moment, with one clock reading")
    func oneReadOfEverything() async throws {
        try await withMigratedAuthStore { auth async throws in
            try await auth.revoke(jti: "t1", expiresAt: Date().addingTimeInterval(300))
            try await auth.addClient(ClientRecord(clientID: "etl", kind: .confidentialSymmetric, secretHash: "h", scope: "system/*.rs"))
            try await auth.addUser(UserRecord(username: "pat", passwordHash: "h", role: "patient", fhirUser: "Patient/p1"))
            try await auth.removeUser(named: "pat")
            let all = try await auth.revocationChanges(tokensSince: .distantPast, clientsSince: .distantPast, usersSince: .distantPast)
            #expect(all.tokens.tokens.map(\.jti) == ["t1"])
            #expect(all.clients.clients.map(\.clientID) == ["etl"])
            #expect(all.users.users.map(\.username) == ["pat"])
            #expect(all.tokens.checkedAt == all.clients.checkedAt && all.clients.checkedAt == all.users.checkedAt)

            try await auth.removeClient(id: "etl")
            let next = try await auth.revocationChanges(tokensSince: all.tokens.checkedAt, clientsSince: all.clients.checkedAt, usersSince: .distantPast)
            #expect(next.tokens.tokens.isEmpty)
            #expect(next.clients.clients.map(\.isActive) == [false])
            #expect(next.users.users.map(\.username) == ["pat"])
        }
    }
}
