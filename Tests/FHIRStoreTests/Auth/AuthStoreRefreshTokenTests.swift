import FHIRStore
import Foundation
import Testing

/// Refresh tokens: bound to their client, rotated once, revoked by grant.
@Suite("AuthStore refresh tokens")
struct AuthStoreRefreshTokenTests {
    func token(_ hash: String, grant: String = "g", client: String = "app", expiresAt: Date? = nil) -> RefreshTokenRecord {
        RefreshTokenRecord(tokenHash: hash, grantID: grant, clientID: client, username: "drsmith", scope: "openid offline_access patient/*.rs",
                           patient: "p1", fhirUser: "Practitioner/7", expiresAt: expiresAt)
    }

    @Test("A token is usable by its own client only, with what it was issued with")
    func boundToClient() async throws {
        try await withMigratedAuthStore { auth async throws in
            try await auth.insertRefreshToken(token("r1"))
            #expect(try await auth.useRefreshToken(hash: "r1", clientID: "intruder", rotate: true) == nil)
            let used = try #require(try await auth.useRefreshToken(hash: "r1", clientID: "app", rotate: false))
            #expect(used.scope == "openid offline_access patient/*.rs")
            #expect(used.patient == "p1")
            #expect(used.fhirUser == "Practitioner/7")
            #expect(used.username == "drsmith")
            #expect(used.grantID == "g")
            // Without rotation the token stays usable.
            #expect(try await auth.useRefreshToken(hash: "r1", clientID: "app", rotate: false) != nil)
        }
    }

    @Test("A rotated token is used once; of concurrent rotations exactly one succeeds")
    func rotation() async throws {
        try await withMigratedAuthStore { auth async throws in
            try await auth.insertRefreshToken(token("r1"))
            let winners = try await withThrowingTaskGroup(of: Bool.self) { group in
                for _ in 0..<6 {
                    group.addTask { try await auth.useRefreshToken(hash: "r1", clientID: "app", rotate: true) != nil }
                }
                return try await group.reduce(0) { $0 + ($1 ? 1 : 0) }
            }
            #expect(winners == 1)
        }
    }

    @Test("A rotated token presented again revokes its whole grant")
    func replayRevokesGrant() async throws {
        try await withMigratedAuthStore { auth async throws in
            try await auth.insertRefreshToken(token("r1"))
            #expect(try await auth.useRefreshToken(hash: "r1", clientID: "app", rotate: true) != nil)
            try await auth.insertRefreshToken(token("r2"))
            try await auth.insertRefreshToken(token("x1", grant: "unrelated"))
            #expect(try await auth.useRefreshToken(hash: "r1", clientID: "app", rotate: true) == nil)
            #expect(try await auth.useRefreshToken(hash: "r2", clientID: "app", rotate: true) == nil)
            #expect(try await auth.useRefreshToken(hash: "x1", clientID: "app", rotate: false) != nil)
        }
    }

    @Test("An expired token is refused; a token without expiry lives until revoked")
    func expiry() async throws {
        try await withMigratedAuthStore { auth async throws in
            try await auth.insertRefreshToken(token("short", expiresAt: Date().addingTimeInterval(60)))
            try await auth.insertRefreshToken(token("offline", grant: "g2"))
            #expect(try await auth.useRefreshToken(hash: "short", clientID: "app", rotate: false, now: Date().addingTimeInterval(61)) == nil)
            #expect(try await auth.useRefreshToken(hash: "short", clientID: "app", rotate: false) != nil)
            #expect(try await auth.useRefreshToken(hash: "offline", clientID: "app", rotate: false, now: Date().addingTimeInterval(86_400 * 365)) != nil)
        }
    }

    @Test("Revocation by the owning client revokes the grant; another client's revocation does nothing")
    func revocation() async throws {
        try await withMigratedAuthStore { auth async throws in
            try await auth.insertRefreshToken(token("r1"))
            try await auth.insertRefreshToken(token("r2"))
            #expect(try await auth.revokeRefreshToken(hash: "r1", clientID: "intruder") == false)
            #expect(try await auth.useRefreshToken(hash: "r1", clientID: "app", rotate: false) != nil)
            #expect(try await auth.revokeRefreshToken(hash: "r1", clientID: "app"))
            #expect(try await auth.useRefreshToken(hash: "r1", clientID: "app", rotate: false) == nil)
            #expect(try await auth.useRefreshToken(hash: "r2", clientID: "app", rotate: false) == nil)
            #expect(try await auth.revokeRefreshToken(hash: "unknown", clientID: "app") == false)
        }
    }
}
