import FHIRStore
import Foundation
import Testing

/// Authorization codes: redeemable once, before they expire.
@Suite("AuthStore authorization codes")
struct AuthStoreCodeTests {
    func code(_ value: String, expiresIn seconds: TimeInterval = 60) -> AuthorizationCodeRecord {
        AuthorizationCodeRecord(
            codeHash: TokenDigest.of(value), clientID: "app", username: "drsmith", redirectURI: "https://app.example.org/cb",
            scope: "openid patient/*.rs", codeChallenge: "E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM",
            patient: "p1", launch: "l1", nonce: "n1", expiresAt: Date().addingTimeInterval(seconds)
        )
    }

    @Test("A code is redeemed once, with everything it was issued with")
    func singleUse() async throws {
        try await withMigratedAuthStore { auth async throws in
            try await auth.insertCode(code("abc"))
            let redeemed = try #require(try await auth.consumeCode(hash: TokenDigest.of("abc")))
            #expect(redeemed.clientID == "app")
            #expect(redeemed.username == "drsmith")
            #expect(redeemed.redirectURI == "https://app.example.org/cb")
            #expect(redeemed.scope == "openid patient/*.rs")
            #expect(redeemed.codeChallenge == "E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM")
            #expect(redeemed.patient == "p1")
            #expect(redeemed.launch == "l1")
            #expect(redeemed.nonce == "n1")
            #expect(redeemed.usedAt != nil)
            #expect(try await auth.consumeCode(hash: TokenDigest.of("abc")) == nil)
            #expect(try await auth.consumeCode(hash: TokenDigest.of("unknown")) == nil)
        }
    }

    @Test("Of concurrent redemptions of one code exactly one succeeds")
    func concurrentRedemption() async throws {
        try await withMigratedAuthStore { auth async throws in
            for round in 0..<5 {
                try await auth.insertCode(code("race-\(round)"))
                let winners = try await withThrowingTaskGroup(of: Bool.self) { group in
                    for _ in 0..<6 {
                        group.addTask { try await auth.consumeCode(hash: TokenDigest.of("race-\(round)")) != nil }
                    }
                    return try await group.reduce(0) { $0 + ($1 ? 1 : 0) }
                }
                #expect(winners == 1)
            }
        }
    }

    @Test("An expired code is refused")
    func expiry() async throws {
        try await withMigratedAuthStore { auth async throws in
            try await auth.insertCode(code("late", expiresIn: 60))
            #expect(try await auth.consumeCode(hash: TokenDigest.of("late"), now: Date().addingTimeInterval(61)) == nil)
            #expect(try await auth.consumeCode(hash: TokenDigest.of("late")) != nil)
        }
    }

    @Test("A code presented again revokes the refresh tokens of its grant, rotated successors too")
    func reuseRevokesGrant() async throws {
        try await withMigratedAuthStore { auth async throws in
            try await auth.insertCode(code("stolen"))
            let grant = TokenDigest.of("stolen")
            #expect(try await auth.consumeCode(hash: grant) != nil)
            try await auth.insertRefreshToken(RefreshTokenRecord(tokenHash: "r1", grantID: grant, clientID: "app", username: "drsmith", scope: "openid"))
            #expect(try await auth.useRefreshToken(hash: "r1", clientID: "app", rotate: true) != nil)
            try await auth.insertRefreshToken(RefreshTokenRecord(tokenHash: "r2", grantID: grant, clientID: "app", username: "drsmith", scope: "openid"))
            try await auth.insertRefreshToken(RefreshTokenRecord(tokenHash: "other", grantID: "another grant", clientID: "app", username: "drsmith", scope: "openid"))

            #expect(try await auth.consumeCode(hash: grant) == nil)
            #expect(try await auth.useRefreshToken(hash: "r2", clientID: "app", rotate: false) == nil)
            #expect(try await auth.refreshTokens(grantID: grant).allSatisfy { $0.revokedAt != nil })
            #expect(try await auth.useRefreshToken(hash: "other", clientID: "app", rotate: false) != nil)
        }
    }
}
