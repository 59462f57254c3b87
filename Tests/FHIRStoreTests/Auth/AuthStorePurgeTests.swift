import FHIRStore
import Foundation
import Testing

/// Purging expired rows.
@Suite("AuthStore purge")
struct AuthStorePurgeTests {
    @Test("Expired rows go; live ones stay")
    func purge() async throws {
        try await withMigratedAuthStore { auth async throws in
            let past = Date().addingTimeInterval(-10)
            let future = Date().addingTimeInterval(600)
            for (name, expiry) in [("old", past), ("live", future)] {
                try await auth.insertCode(AuthorizationCodeRecord(codeHash: name, clientID: "app", username: "u", redirectURI: "https://a/cb", scope: "openid", expiresAt: expiry))
                try await auth.insertRefreshToken(RefreshTokenRecord(tokenHash: name, grantID: name, clientID: "app", scope: "openid", expiresAt: expiry))
                try await auth.revoke(jti: name, expiresAt: expiry)
                _ = try await auth.recordAssertion(clientID: "etl", jti: name, expiresAt: expiry)
            }
            try await auth.insertRefreshToken(RefreshTokenRecord(tokenHash: "forever", grantID: "forever", clientID: "app", scope: "openid offline_access"))
            _ = try await auth.mintLaunch(patient: "p1", ttl: -10)
            let live = try await auth.mintLaunch(patient: "p2", ttl: 600)

            let summary = try await auth.purgeExpired()
            #expect(summary.codes == 1)
            #expect(summary.refreshTokens == 1)
            #expect(summary.revokedTokens == 1)
            #expect(summary.assertions == 1)
            #expect(summary.launches == 1)
            #expect(summary.total == 5)
            #expect(try await auth.consumeCode(hash: "live") != nil)
            #expect(try await auth.useRefreshToken(hash: "forever", clientID: "app", rotate: false) != nil)
            #expect(try await auth.isRevoked(jti: "live"))
            #expect(try await auth.recordAssertion(clientID: "etl", jti: "live", expiresAt: future) == false)
            #expect(try await auth.recordAssertion(clientID: "etl", jti: "old", expiresAt: future))
            #expect(try await auth.resolveLaunch(live)?.patient == "p2")
            #expect(try await auth.purgeExpired().total == 0)
        }
    }
}
