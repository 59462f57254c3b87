import Foundation
import SMARTAuth
import Testing

@Suite struct TokenIssuerTests {
    let issuer = TokenFixture.tokenIssuer
    let now = TokenFixture.now

    @Test func accessTokenRoundTrip() async throws {
        let scopes = try ScopeSet(parsing: "openid fhirUser launch/patient patient/Observation.rs")
        let issued = try await issuer.issueAccessToken(
            subject: "user-7", clientID: "app-1", scopes: scopes, patient: "p1", fhirUser: "Practitioner/12", role: .clinician,
            accountID: "3f1c9a52-account", now: now
        )
        let verified = try await TokenFixture.verifier.verify(issued.token, now: now)
        #expect(verified == VerifiedToken(
            issuer: TokenFixture.issuer, isIssuedByKiln: true, subject: "user-7", clientID: "app-1",
            scope: "openid fhirUser launch/patient patient/Observation.rs", patient: "p1", fhirUser: "Practitioner/12",
            role: .clinician, tokenID: issued.claims.tokenID, expiresAt: now.addingTimeInterval(3600), issuedAt: now,
            accountID: "3f1c9a52-account"
        ))
        #expect(issued.claims.expiresAt == now.addingTimeInterval(3600))
        #expect(issued.claims.issuedAt == now)
        #expect(issued.claims.tokenID.count == 43)
    }

    @Test func accessTokenHeaderNamesTheKeyAndType() async throws {
        let issued = try await issuer.issueAccessToken(subject: "user-7", clientID: "app-1", scopes: .empty, now: now)
        let header = try TokenFixture.part(0, of: issued.token)
        #expect(header["alg"] as? String == "ES256")
        #expect(header["typ"] as? String == "at+jwt")
        #expect(header["kid"] as? String == TokenFixture.serverKey.keyID)
    }

    @Test func accessTokenClaimsAreWholeSecondsAndLeaveOutAbsentValues() async throws {
        let issued = try await issuer.issueAccessToken(
            subject: "backend-1", clientID: "backend-1", scopes: try ScopeSet(parsing: "system/*.rs"),
            lifetime: TokenLimits.backendAccessTokenLifetime, now: now.addingTimeInterval(0.75)
        )
        let payload = try TokenFixture.part(1, of: issued.token)
        #expect(Set(payload.keys) == ["iss", "sub", "aud", "exp", "iat", "jti", "client_id", "scope"])
        #expect(payload["exp"] as? Int == 1_800_000_300)
        #expect(payload["iat"] as? Int == 1_800_000_000)
        #expect(payload["aud"] as? String == TokenFixture.audience)
        let verified = try await TokenFixture.verifier.verify(issued.token, now: now)
        #expect(verified.role == nil)
        #expect(verified.patient == nil)
        #expect(verified.scope == "system/*.rs")
    }

    @Test func verifiedTokenBecomesTheCallerThePolicyDecidesFor() async throws {
        let issued = try await issuer.issueAccessToken(
            subject: "user-7", clientID: "app-1", scopes: try ScopeSet(parsing: "user/Observation.rs"), fhirUser: "Practitioner/12", role: .clinician, now: now
        )
        let caller = try await TokenFixture.verifier.verify(issued.token, now: now).caller(assignedPatients: ["p1"])
        #expect(caller == SMARTCaller(
            subject: "user-7", scopes: try ScopeSet(parsing: "user/Observation.rs"), role: .clinician,
            fhirUser: "Practitioner/12", assignedPatients: ["p1"], clientID: "app-1", tokenID: issued.claims.tokenID
        ))
    }

    @Test func idTokenNamesTheClientAsAudienceAndEchoesTheNonce() async throws {
        let issued = try await issuer.issueIDToken(
            subject: "user-7", clientID: "app-1", fhirUser: "Practitioner/12", nonce: "n-0S6_WzA2Mj", authenticatedAt: now.addingTimeInterval(-30.5), now: now
        )
        let header = try TokenFixture.part(0, of: issued.token)
        let payload = try TokenFixture.part(1, of: issued.token)
        #expect(header["typ"] as? String == "JWT")
        #expect(header["kid"] as? String == TokenFixture.serverKey.keyID)
        #expect(payload["iss"] as? String == TokenFixture.issuer)
        #expect(payload["sub"] as? String == "user-7")
        #expect(payload["aud"] as? String == "app-1")
        #expect(payload["nonce"] as? String == "n-0S6_WzA2Mj")
        #expect(payload["fhirUser"] as? String == "Practitioner/12")
        #expect(payload["exp"] as? Int == 1_800_003_600)
        #expect(payload["auth_time"] as? Int == 1_799_999_969)
        let decoded = try JSONDecoder().decode(IDTokenClaims.self, from: try #require(TokenFixture.base64URLDecoded(issued.token.split(separator: ".")[1])))
        #expect(decoded == issued.claims)
    }

    @Test func idTokenIsNotAnAccessToken() async throws {
        let issued = try await issuer.issueIDToken(subject: "user-7", clientID: "app-1", now: now)
        await #expect(throws: TokenError.wrongAudience(audiences: ["app-1"])) {
            try await TokenFixture.verifier.verify(issued.token, now: now)
        }
        let confused = try await issuer.issueIDToken(subject: "user-7", clientID: TokenFixture.audience, now: now)
        await #expect(throws: TokenError.wrongType(type: "JWT")) {
            try await TokenFixture.verifier.verify(confused.token, now: now)
        }
    }

    @Test func accessTokenClaimsDecodeWhatTheyEncode() throws {
        let claims = AccessTokenClaims(
            issuer: TokenFixture.issuer, subject: "u", audience: TokenFixture.audience, expiresAt: now.addingTimeInterval(60),
            issuedAt: now, notBefore: now, tokenID: "j", clientID: "c", scope: "openid", patient: "p1", fhirUser: "Patient/p1", role: .patient,
            accountID: "a-1"
        )
        let decoded = try JSONDecoder().decode(AccessTokenClaims.self, from: try JSONEncoder().encode(claims))
        #expect(decoded == claims)
        #expect(throws: DecodingError.self) {
            try JSONDecoder().decode(AccessTokenClaims.self, from: Data(#"{"iss":"i","sub":"s","aud":"a","exp":1,"iat":1,"jti":"j","client_id":"c","scope":"","role":"wizard"}"#.utf8))
        }
    }

    @Test func lifetimeMustBePositive() async {
        await #expect(throws: TokenIssuingError.invalidLifetime(seconds: 0)) {
            try await issuer.issueAccessToken(subject: "u", clientID: "c", scopes: .empty, lifetime: .zero, now: now)
        }
        await #expect(throws: TokenIssuingError.invalidLifetime(seconds: -5)) {
            try await issuer.issueIDToken(subject: "u", clientID: "c", lifetime: .seconds(-5), now: now)
        }
    }

    @Test func subjectAndClientMustNotBeEmpty() async {
        await #expect(throws: TokenIssuingError.emptyClaim(name: "sub")) {
            try await issuer.issueAccessToken(subject: "", clientID: "c", scopes: .empty, now: now)
        }
        await #expect(throws: TokenIssuingError.emptyClaim(name: "client_id")) {
            try await issuer.issueAccessToken(subject: "u", clientID: "", scopes: .empty, now: now)
        }
        await #expect(throws: TokenIssuingError.emptyClaim(name: "aud")) {
            try await issuer.issueIDToken(subject: "u", clientID: "", now: now)
        }
    }

    @Test func tokensOfARetiredKeyVerifyWhileItIsListed() async throws {
        let retired = ServerSigningKey.generate()
        let old = TokenIssuer(issuer: TokenFixture.issuer, audience: TokenFixture.audience, key: retired)
        let issued = try await old.issueAccessToken(subject: "u", clientID: "c", scopes: .empty, now: now)
        let both = TokenVerifier(issuer: TokenFixture.issuer, audience: TokenFixture.audience, serverKeys: [TokenFixture.serverKey, retired])
        #expect(try await both.verify(issued.token, now: now).subject == "u")
        await #expect(throws: TokenError.unknownKey(keyID: retired.keyID)) {
            try await TokenFixture.verifier.verify(issued.token, now: now)
        }
    }
}
