import Crypto
import Foundation
import SMARTAuth
import Testing
import _CryptoExtras

/// SMART asymmetric client authentication: assertions signed with the client's RS384 and ES384
/// keys, each broken in one way.
@Suite struct ClientAssertionVerifierTests {
    let verifier = ClientAssertionVerifier(tokenEndpoint: TokenFixture.tokenEndpoint)
    let now = TokenFixture.now
    let clientID = "bulk-export-1"

    var jwks: String {
        get throws {
            try TokenFixture.jwks([(.rsa(TokenFixture.rsaKey), kid: "rsa-384", alg: "RS384"), (.p384(TokenFixture.p384Key), kid: "ec-384", alg: "ES384")])
        }
    }

    func assertion(_ changes: [String: Any] = [:], alg: String = "RS384", kid: String? = "rsa-384", key: TestKey? = nil, header extra: [String: Any] = [:]) throws -> String {
        var claims: [String: Any] = [
            "iss": clientID, "sub": clientID, "aud": TokenFixture.tokenEndpoint,
            "exp": now.timeIntervalSince1970 + 240, "jti": "a7c6b1f0-0d6e-4d5e-9f5a-1b2c3d4e5f60",
        ]
        for (name, value) in changes {
            claims[name] = value is NSNull ? nil : value
        }
        var header: [String: Any] = ["alg": alg, "typ": "JWT"].merging(extra) { $1 }
        header["kid"] = kid
        let key = key ?? (alg.hasPrefix("ES") ? .p384(TokenFixture.p384Key) : .rsa(TokenFixture.rsaKey))
        return try TokenFixture.token(header: header, claims: claims, key: key)
    }

    private func refuses(_ assertion: String, with error: ClientAssertionError, sourceLocation: SourceLocation = #_sourceLocation) async throws {
        let jwks = try jwks
        await #expect(throws: error, sourceLocation: sourceLocation) {
            try await verifier.verify(assertion, clientID: clientID, jwksJSON: jwks, now: now)
        }
    }

    @Test func anRS384AssertionAuthenticatesTheClient() async throws {
        let verified = try await verifier.verify(try assertion(), clientID: clientID, jwksJSON: try jwks, now: now)
        #expect(verified == VerifiedClientAssertion(
            clientID: clientID, tokenID: "a7c6b1f0-0d6e-4d5e-9f5a-1b2c3d4e5f60", expiresAt: now.addingTimeInterval(240), keyID: "rsa-384"
        ))
    }

    @Test func anES384AssertionAuthenticatesTheClient() async throws {
        let verified = try await verifier.verify(try assertion(alg: "ES384", kid: "ec-384"), clientID: clientID, jwksJSON: try jwks, now: now)
        #expect(verified.keyID == "ec-384")
        #expect(verified.tokenID == "a7c6b1f0-0d6e-4d5e-9f5a-1b2c3d4e5f60")
    }

    @Test func rs256AndES256AreAcceptedToo() async throws {
        let keys = try VerificationKeySet(jwksJSON: try TokenFixture.jwks([
            (.rsa(TokenFixture.otherRSAKey), kid: "rsa-256", alg: nil), (.p256(TokenFixture.strangerPrivateKey), kid: "ec-256", alg: "ES256"),
        ]))
        let rs256 = try assertion(alg: "RS256", kid: "rsa-256", key: .rsa(TokenFixture.otherRSAKey))
        let es256 = try assertion(alg: "ES256", kid: "ec-256", key: .p256(TokenFixture.strangerPrivateKey))
        #expect(try await verifier.verify(rs256, clientID: clientID, keys: keys, now: now).keyID == "rsa-256")
        #expect(try await verifier.verify(es256, clientID: clientID, keys: keys, now: now).keyID == "ec-256")
    }

    @Test func theClaimedClientIDIsTheIssuer() throws {
        #expect(try ClientAssertionVerifier.claimedClientID(of: try assertion()) == clientID)
        #expect(throws: ClientAssertionError.missingClaim(name: "iss")) {
            try ClientAssertionVerifier.claimedClientID(of: try assertion(["iss": NSNull()]))
        }
        #expect(throws: ClientAssertionError.self) { try ClientAssertionVerifier.claimedClientID(of: "garbage") }
    }

    @Test func theAudienceMustBeTheTokenEndpoint() async throws {
        try await refuses(try assertion(["aud": TokenFixture.audience]), with: .wrongAudience(audiences: [TokenFixture.audience]))
        try await refuses(try assertion(["aud": NSNull()]), with: .missingClaim(name: "aud"))
        let array = try assertion(["aud": ["https://elsewhere.example", TokenFixture.tokenEndpoint]])
        #expect(try await verifier.verify(array, clientID: clientID, jwksJSON: try jwks, now: now).clientID == clientID)
    }

    @Test func issuerAndSubjectMustBothBeTheClient() async throws {
        try await refuses(try assertion(["sub": "someone-else"]), with: .issuerSubjectMismatch(issuer: clientID, subject: "someone-else"))
        try await refuses(try assertion(["iss": "other-client", "sub": "other-client"]), with: .wrongClient(expected: clientID, found: "other-client"))
        try await refuses(try assertion(["sub": NSNull()]), with: .missingClaim(name: "sub"))
    }

    @Test func expiryMustBeAtMostFiveMinutesAhead() async throws {
        let far = now.addingTimeInterval(600)
        try await refuses(try assertion(["exp": far.timeIntervalSince1970]), with: .lifetimeTooLong(expiresAt: far, latest: now.addingTimeInterval(360)))
        let withinLeeway = try assertion(["exp": now.timeIntervalSince1970 + 330])
        #expect(try await verifier.verify(withinLeeway, clientID: clientID, jwksJSON: try jwks, now: now).expiresAt == now.addingTimeInterval(330))
    }

    @Test func expiryMustBePresentAndNotPassed() async throws {
        try await refuses(try assertion(["exp": NSNull()]), with: .missingClaim(name: "exp"))
        let past = now.addingTimeInterval(-61)
        try await refuses(try assertion(["exp": past.timeIntervalSince1970]), with: .expired(at: past))
        try await refuses(try assertion(["exp": "soon"]), with: .invalidClaim(name: "exp", reason: "it is a string, not a number of seconds since 1970"))
    }

    @Test func issuedInTheFutureIsRefused() async throws {
        let later = now.addingTimeInterval(120)
        try await refuses(try assertion(["iat": later.timeIntervalSince1970]), with: .notYetValid(from: later))
        try await refuses(try assertion(["nbf": later.timeIntervalSince1970]), with: .notYetValid(from: later))
    }

    @Test func theJTIMustBePresent() async throws {
        try await refuses(try assertion(["jti": NSNull()]), with: .missingClaim(name: "jti"))
        try await refuses(try assertion(["jti": ""]), with: .invalidClaim(name: "jti", reason: "it is empty"))
    }

    @Test func anotherKeyBreaksTheSignature() async throws {
        try await refuses(try assertion(key: .rsa(TokenFixture.otherRSAKey)), with: .badSignature)
        let p384 = P384.Signing.PrivateKey()
        try await refuses(try assertion(alg: "ES384", kid: "ec-384", key: .p384(p384)), with: .badSignature)
    }

    @Test func theKeyMustBeNamedAndRegistered() async throws {
        try await refuses(try assertion(kid: nil), with: .missingKeyID)
        try await refuses(try assertion(kid: "unregistered"), with: .unknownKey(keyID: "unregistered"))
        try await refuses(try assertion(alg: "RS256", kid: "rsa-384"), with: .algorithmMismatch(algorithm: "RS256", keyID: "rsa-384"))
    }

    @Test func unsignedAndSymmetricAssertionsAreRefused() async throws {
        try await refuses(try TokenFixture.token(header: ["alg": "none", "kid": "rsa-384"], claims: ["iss": clientID], key: nil), with: .algorithmNotAllowed(algorithm: "none"))
        try await refuses(try assertion(alg: "HS256"), with: .algorithmNotAllowed(algorithm: "HS256"))
    }

    @Test func aJKUMustBeTheRegisteredJWKSURL() async throws {
        let withJKU = try assertion(header: ["jku": "https://attacker.example/jwks.json"])
        try await refuses(withJKU, with: .keySetURLMismatch(jku: "https://attacker.example/jwks.json"))
        let registered = try assertion(header: ["jku": "https://client.example/jwks.json"])
        let verified = try await verifier.verify(registered, clientID: clientID, jwksJSON: try jwks, registeredJWKSURL: "https://client.example/jwks.json", now: now)
        #expect(verified.clientID == clientID)
    }

    @Test func anUnusableRegisteredKeySetIsReported() async throws {
        await #expect(throws: ClientAssertionError.unusableKeySet(.noUsableKeys(skipped: 0))) {
            try await verifier.verify(try assertion(), clientID: clientID, jwksJSON: #"{"keys":[]}"#, now: now)
        }
    }

    @Test func everyErrorIsInvalidClient() {
        let errors: [ClientAssertionError] = [
            .malformed(reason: "r"), .algorithmNotAllowed(algorithm: "none"), .missingKeyID, .unknownKey(keyID: "k"), .badSignature,
            .issuerSubjectMismatch(issuer: "a", subject: "b"), .wrongClient(expected: "a", found: "b"), .wrongAudience(audiences: []),
            .expired(at: now), .lifetimeTooLong(expiresAt: now, latest: now), .notYetValid(from: now), .missingClaim(name: "jti"),
        ]
        for error in errors {
            #expect(error.oauthError == "invalid_client")
            #expect(!error.description.isEmpty)
        }
    }
}
