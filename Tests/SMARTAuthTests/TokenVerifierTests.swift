import Foundation
import SMARTAuth
import Testing

/// One test per reason a bearer token is refused, each with a token broken in that one way.
@Suite struct TokenVerifierTests {
    let verifier = TokenFixture.verifier
    let now = TokenFixture.now

    private func refuses(_ token: String, with error: TokenError, at time: Date? = nil, sourceLocation: SourceLocation = #_sourceLocation) async {
        await #expect(throws: error, sourceLocation: sourceLocation) {
            try await verifier.verify(token, now: time ?? now)
        }
    }

    @Test func aValidTokenIsAccepted() async throws {
        let verified = try await verifier.verify(try TokenFixture.accessToken(), now: now)
        #expect(verified.subject == "user-7")
        #expect(verified.clientID == "app-1")
        #expect(verified.scope == "openid fhirUser patient/Observation.rs")
        #expect(verified.patient == "p1")
        #expect(verified.fhirUser == "Practitioner/12")
        #expect(verified.role == .clinician)
        #expect(verified.tokenID == "token-1")
        #expect(verified.expiresAt == now.addingTimeInterval(3540))
        #expect(verified.issuer == TokenFixture.issuer)
        #expect(verified.isIssuedByKiln)
    }

    @Test func garbageIsMalformed() async throws {
        for garbage in ["", "abc", "a.b", "a.b.c.d", "Bearer x.y.z", "e30.e30.!!!", "e30=.e30.c2ln"] {
            let error = await #expect(throws: TokenError.self) { try await verifier.verify(garbage, now: now) }
            guard case .malformed? = error else {
                Issue.record("\(garbage.debugDescription) gave \(String(describing: error)), not .malformed")
                continue
            }
        }
        await refuses("abc", with: .malformed(reason: "it has 1 part separated by '.', not the three of a signed JWT (header.payload.signature)"))
    }

    @Test func headerAndPayloadMustBeJSONObjects() async throws {
        let payload = TokenFixture.base64URL(try TokenFixture.json(TokenFixture.accessClaims()))
        let header = TokenFixture.base64URL(try TokenFixture.json(TokenFixture.accessHeader))
        await refuses("\(TokenFixture.base64URL(Array("not json".utf8))).\(payload).c2ln", with: .malformed(reason: "its header is not a JSON object"))
        await refuses("\(header).\(TokenFixture.base64URL(Array("[1,2]".utf8))).c2ln", with: .malformed(reason: "its payload is not a JSON object (an encrypted or nested JWT is not accepted)"))
        await refuses(try TokenFixture.accessToken(header: ["typ": "at+jwt"]), with: .malformed(reason: "its header has no 'alg'"))
        await refuses(try TokenFixture.accessToken(header: TokenFixture.accessHeader.merging(["crit": ["exp"]]) { $1 }),
                      with: .malformed(reason: "its header lists critical extensions ('crit'), none of which Kiln supports"))
        await refuses(try TokenFixture.accessToken(header: TokenFixture.accessHeader.merging(["kid": 7]) { $1 }),
                      with: .malformed(reason: "its header's 'kid' is a number, not a string"))
    }

    @Test func anOverlongTokenIsMalformed() async {
        let long = String(repeating: "a", count: TokenLimits.maximumTokenLength + 1)
        await refuses(long, with: .malformed(reason: "the token is longer than 32768 bytes"))
    }

    @Test func algNoneIsRefused() async throws {
        let header: [String: Any] = ["alg": "none", "typ": "at+jwt", "kid": TokenFixture.serverKey.keyID]
        await refuses(try TokenFixture.token(header: header, claims: TokenFixture.accessClaims(), key: nil), with: .algorithmNotAllowed(algorithm: "none"))
        await refuses(try TokenFixture.token(header: ["alg": "none"], claims: TokenFixture.accessClaims(), key: nil), with: .algorithmNotAllowed(algorithm: "none"))
        await refuses(try TokenFixture.token(header: ["alg": "None"], claims: TokenFixture.accessClaims(), key: nil), with: .algorithmNotAllowed(algorithm: "None"))
        let signedButNone = try TokenFixture.accessToken(header: header.merging(["alg": "none"]) { $1 })
        await refuses(signedButNone, with: .algorithmNotAllowed(algorithm: "none"))
    }

    @Test func hmacAndOtherAlgorithmsAreRefused() async throws {
        for algorithm in ["HS256", "HS384", "PS256", "ES512", "EdDSA"] {
            let token = try TokenFixture.accessToken(header: TokenFixture.accessHeader.merging(["alg": algorithm]) { $1 })
            await refuses(token, with: .algorithmNotAllowed(algorithm: algorithm))
        }
    }

    @Test func kilnTokensAreES256Only() async throws {
        let header: [String: Any] = ["alg": "RS256", "typ": "at+jwt", "kid": TokenFixture.serverKey.keyID]
        await refuses(try TokenFixture.accessToken(header: header, key: .rsa(TokenFixture.rsaKey)), with: .algorithmNotAllowed(algorithm: "RS256"))
    }

    @Test func aTamperedPayloadBreaksTheSignature() async throws {
        let parts = try TokenFixture.accessToken().split(separator: ".")
        let forged = TokenFixture.base64URL(try TokenFixture.json(TokenFixture.accessClaims().merging(["role": "administrator"]) { $1 }))
        await refuses("\(parts[0]).\(forged).\(parts[2])", with: .badSignature)
    }

    @Test func anotherKeyUnderTheServerKeyIDBreaksTheSignature() async throws {
        await refuses(try TokenFixture.accessToken(key: .p256(TokenFixture.strangerPrivateKey)), with: .badSignature)
    }

    @Test func anEmptyOrForeignSignatureIsBad() async throws {
        let parts = try TokenFixture.accessToken().split(separator: ".")
        await refuses("\(parts[0]).\(parts[1]).", with: .badSignature)
        await refuses("\(parts[0]).\(parts[1]).\(TokenFixture.base64URL([UInt8](repeating: 7, count: 64)))", with: .badSignature)
        await refuses("\(parts[0]).\(parts[1]).\(TokenFixture.base64URL([UInt8](repeating: 7, count: 3)))", with: .badSignature)
    }

    @Test func anUnknownKeyIDIsRefusedWithoutTryingOtherKeys() async throws {
        let header = TokenFixture.accessHeader.merging(["kid": "someone-else"]) { $1 }
        await refuses(try TokenFixture.accessToken(header: header, key: .p256(TokenFixture.strangerPrivateKey)), with: .unknownKey(keyID: "someone-else"))
        await refuses(try TokenFixture.accessToken(header: header), with: .unknownKey(keyID: "someone-else"))
    }

    @Test func aTokenWithoutKeyIDIsTriedWithTheServerKeys() async throws {
        let header: [String: Any] = ["alg": "ES256", "typ": "at+jwt"]
        #expect(try await verifier.verify(try TokenFixture.accessToken(header: header), now: now).subject == "user-7")
        await refuses(try TokenFixture.accessToken(header: header, key: .p256(TokenFixture.strangerPrivateKey)), with: .badSignature)
    }

    @Test func anExpiredTokenIsRefusedAfterTheLeeway() async throws {
        let expiry = now.addingTimeInterval(3540)
        let token = try TokenFixture.accessToken()
        #expect(try await verifier.verify(token, now: expiry.addingTimeInterval(59)).subject == "user-7")
        await refuses(token, with: .expired(at: expiry), at: expiry.addingTimeInterval(60))
        await refuses(token, with: .expired(at: expiry), at: expiry.addingTimeInterval(86_400))
    }

    @Test func aTokenNotYetValidIsRefusedBeyondTheLeeway() async throws {
        let soon = now.addingTimeInterval(30)
        #expect(try await verifier.verify(try TokenFixture.accessToken(changing: ["nbf": soon.timeIntervalSince1970]), now: now).subject == "user-7")
        let later = now.addingTimeInterval(120)
        await refuses(try TokenFixture.accessToken(changing: ["nbf": later.timeIntervalSince1970]), with: .notYetValid(from: later))
        await refuses(try TokenFixture.accessToken(changing: ["iat": later.timeIntervalSince1970]), with: .notYetValid(from: later))
    }

    @Test func aWrongIssuerIsRefused() async throws {
        await refuses(try TokenFixture.accessToken(changing: ["iss": "https://evil.example"]), with: .wrongIssuer(issuer: "https://evil.example"))
        await refuses(try TokenFixture.accessToken(changing: ["iss": "https://kiln.example/auth/"]), with: .wrongIssuer(issuer: "https://kiln.example/auth/"))
    }

    @Test func aWrongAudienceIsRefused() async throws {
        await refuses(try TokenFixture.accessToken(changing: ["aud": "https://other.example/fhir"]), with: .wrongAudience(audiences: ["https://other.example/fhir"]))
        await refuses(try TokenFixture.accessToken(changing: ["aud": ["a", "b"]]), with: .wrongAudience(audiences: ["a", "b"]))
        await refuses(try TokenFixture.accessToken(changing: ["aud": NSNull()]), with: .missingClaim(name: "aud"))
    }

    @Test func audienceMayBeAnArrayOrCarryATrailingSlash() async throws {
        let array = try TokenFixture.accessToken(changing: ["aud": ["https://other.example", TokenFixture.audience]])
        #expect(try await verifier.verify(array, now: now).subject == "user-7")
        let slash = try TokenFixture.accessToken(changing: ["aud": TokenFixture.audience + "/"])
        #expect(try await verifier.verify(slash, now: now).subject == "user-7")
    }

    @Test func kilnTokensMustBeAccessTokens() async throws {
        let mediaType = try TokenFixture.accessToken(header: TokenFixture.accessHeader.merging(["typ": "application/at+JWT"]) { $1 })
        #expect(try await verifier.verify(mediaType, now: now).subject == "user-7")
        await refuses(try TokenFixture.accessToken(header: TokenFixture.accessHeader.merging(["typ": "JWT"]) { $1 }), with: .wrongType(type: "JWT"))
        var header = TokenFixture.accessHeader
        header["typ"] = nil
        await refuses(try TokenFixture.accessToken(header: header), with: .wrongType(type: nil))
    }

    @Test func requiredClaimsMustBePresent() async throws {
        for name in ["exp", "sub", "client_id", "jti", "iss"] {
            await refuses(try TokenFixture.accessToken(changing: [name: NSNull()]), with: .missingClaim(name: name))
        }
    }

    @Test func claimsMustHaveTheirTypes() async throws {
        await refuses(try TokenFixture.accessToken(changing: ["exp": "tomorrow"]), with: .invalidClaim(name: "exp", reason: "it is a string, not a number of seconds since 1970"))
        await refuses(try TokenFixture.accessToken(changing: ["exp": true]), with: .invalidClaim(name: "exp", reason: "it is a boolean, not a number of seconds since 1970"))
        await refuses(try TokenFixture.accessToken(changing: ["sub": ""]), with: .invalidClaim(name: "sub", reason: "it is empty"))
        await refuses(try TokenFixture.accessToken(changing: ["scope": ["a"]]), with: .invalidClaim(name: "scope", reason: "it is an array, not a string"))
        await refuses(try TokenFixture.accessToken(changing: ["role": "wizard"]),
                      with: .invalidClaim(name: "role", reason: "'wizard' is not a Kiln role (researcher, clinician, data-steward, administrator, patient)"))
    }

    @Test func everyErrorSaysWhatToDo() {
        let errors: [TokenError] = [
            .malformed(reason: "r"), .algorithmNotAllowed(algorithm: "none"), .algorithmNotAllowed(algorithm: "HS256"),
            .algorithmMismatch(algorithm: "ES256", keyID: "k"), .unknownKey(keyID: "k"), .unknownKey(keyID: nil), .badSignature,
            .expired(at: now), .notYetValid(from: now), .wrongIssuer(issuer: "i"), .wrongAudience(audiences: []),
            .wrongType(type: "JWT"), .missingClaim(name: "exp"), .invalidClaim(name: "role", reason: "r"),
        ]
        for error in errors {
            #expect(error.description.hasPrefix("The bearer token"))
        }
        #expect(TokenError.algorithmNotAllowed(algorithm: "none").description.contains("unsigned"))
        #expect(TokenError.expired(at: now).description.contains("2027-01-15T08:00:00Z"))
    }
}
