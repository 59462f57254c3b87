import Crypto
import Foundation
import JWTKit
import SMARTAuth
import Testing
import _CryptoExtras

/// Tokens of an external OpenID Connect issuer, whose RSA and EC keys the tests make.
@Suite struct ExternalIssuerTests {
    let now = TokenFixture.now

    func verifier(jwks: String? = nil, mapping: ExternalClaimMapping = ExternalClaimMapping(), requiresRole: Bool = true) throws -> TokenVerifier {
        let jwks = try jwks ?? TokenFixture.jwks([(.rsa(TokenFixture.rsaKey), kid: "rsa-1", alg: "RS256"), (.p256(TokenFixture.strangerPrivateKey), kid: "ec-1", alg: nil)])
        let external = try ExternalIssuer(issuer: TokenFixture.externalIssuer, jwksJSON: jwks, claims: mapping, requiresRole: requiresRole)
        return TokenVerifier(issuer: TokenFixture.issuer, audience: TokenFixture.audience, serverKeys: [TokenFixture.serverKey], externalIssuers: [external])
    }

    func claims(_ changes: [String: Any] = [:]) -> [String: Any] {
        var claims: [String: Any] = [
            "iss": TokenFixture.externalIssuer, "sub": "f81d4fae", "aud": [TokenFixture.audience, "account"],
            "iat": now.timeIntervalSince1970 - 10, "exp": now.timeIntervalSince1970 + 290,
            "azp": "hospital-app", "scope": "openid user/Observation.rs", "kiln_role": "clinician", "fhirUser": "Practitioner/12",
        ]
        for (name, value) in changes {
            claims[name] = value is NSNull ? nil : value
        }
        return claims
    }

    func rsaToken(_ changes: [String: Any] = [:], alg: String = "RS256", kid: String? = "rsa-1", key: _RSA.Signing.PrivateKey = TokenFixture.rsaKey) throws -> String {
        var header: [String: Any] = ["alg": alg, "typ": "JWT"]
        header["kid"] = kid
        return try TokenFixture.token(header: header, claims: claims(changes), key: .rsa(key))
    }

    @Test func anRS256TokenIsReadThroughTheDefaultMapping() async throws {
        let verified = try await verifier().verify(try rsaToken(), now: now)
        #expect(verified == VerifiedToken(
            issuer: TokenFixture.externalIssuer, isIssuedByKiln: false, subject: "f81d4fae", clientID: "hospital-app",
            scope: "openid user/Observation.rs", fhirUser: "Practitioner/12", role: .clinician, expiresAt: now.addingTimeInterval(290),
            issuedAt: now.addingTimeInterval(-10)
        ))
    }

    @Test func aTokenSignedByJWTKitIsAccepted() async throws {
        struct Payload: JWTPayload {
            var iss: String, sub: String, aud: String, exp: Int, scp: [String], kiln_role: String, client_id: String, jti: String
            func verify(using algorithm: some JWTAlgorithm) async throws {}
        }
        let keys = JWTKeyCollection()
        await keys.add(rsa: try JWTKit.Insecure.RSA.PrivateKey(backing: TokenFixture.rsaKey), digestAlgorithm: .sha384, kid: "rsa-1")
        let token = try await keys.sign(Payload(
            iss: TokenFixture.externalIssuer, sub: "svc", aud: TokenFixture.audience, exp: 1_800_000_100,
            scp: ["system/Patient.rs", "system/Observation.rs"], kiln_role: "data-steward", client_id: "etl", jti: "j-1"
        ), kid: "rsa-1")
        let jwks = try TokenFixture.jwks([(.rsa(TokenFixture.rsaKey), kid: "rsa-1", alg: nil)])
        let verified = try await verifier(jwks: jwks).verify(token, now: now)
        #expect(verified.scope == "system/Patient.rs system/Observation.rs")
        #expect(verified.role == .dataSteward)
        #expect(verified.clientID == "etl")
        #expect(verified.tokenID == "j-1")
    }

    @Test func anRSAKeyWithoutAlgVerifiesRS256AndRS384() async throws {
        let jwks = try TokenFixture.jwks([(.rsa(TokenFixture.rsaKey), kid: "rsa-1", alg: nil)])
        for alg in ["RS256", "RS384"] {
            #expect(try await verifier(jwks: jwks).verify(try rsaToken(alg: alg), now: now).subject == "f81d4fae")
        }
    }

    @Test func anRSAKeyWithAlgVerifiesThatAlgorithmOnly() async throws {
        await #expect(throws: TokenError.algorithmMismatch(algorithm: "RS384", keyID: "rsa-1")) {
            try await verifier().verify(try rsaToken(alg: "RS384"), now: now)
        }
        await #expect(throws: TokenError.algorithmMismatch(algorithm: "ES256", keyID: "rsa-1")) {
            try await verifier().verify(try TokenFixture.token(header: ["alg": "ES256", "kid": "rsa-1"], claims: claims(), key: .p256(TokenFixture.strangerPrivateKey)), now: now)
        }
    }

    @Test func anES256KeyOfTheIssuerVerifies() async throws {
        let token = try TokenFixture.token(header: ["alg": "ES256", "kid": "ec-1"], claims: claims(), key: .p256(TokenFixture.strangerPrivateKey))
        #expect(try await verifier().verify(token, now: now).role == .clinician)
    }

    @Test func anotherRSAKeyBreaksTheSignature() async throws {
        await #expect(throws: TokenError.badSignature) {
            try await verifier().verify(try rsaToken(key: TokenFixture.otherRSAKey), now: now)
        }
    }

    @Test func kilnsKeyIsNotTheExternalIssuersKey() async throws {
        let header: [String: Any] = ["alg": "ES256", "kid": TokenFixture.serverKey.keyID]
        let token = try TokenFixture.token(header: header, claims: claims(), key: .p256(TokenFixture.serverPrivateKey))
        await #expect(throws: TokenError.unknownKey(keyID: TokenFixture.serverKey.keyID)) { try await verifier().verify(token, now: now) }
    }

    @Test func externalTokensAreCheckedForTimeAndAudience() async throws {
        await #expect(throws: TokenError.expired(at: now.addingTimeInterval(-120))) {
            try await verifier().verify(try rsaToken(["exp": now.timeIntervalSince1970 - 120]), now: now)
        }
        await #expect(throws: TokenError.wrongAudience(audiences: ["account"])) {
            try await verifier().verify(try rsaToken(["aud": "account"]), now: now)
        }
    }

    @Test func scopesMayBeAnArrayInScp() async throws {
        let token = try rsaToken(["scope": NSNull(), "scp": ["user/Patient.rs", "openid"]])
        #expect(try await verifier().verify(token, now: now).scope == "user/Patient.rs openid")
        #expect(try await verifier().verify(try rsaToken(["scope": NSNull()]), now: now).scope == "")
    }

    @Test func claimNamesFollowTheMapping() async throws {
        let mapping = ExternalClaimMapping(scope: ["permissions"], role: "roles", patient: "launch_patient", fhirUser: "fhir_user", clientID: ["cid"])
        let token = try rsaToken([
            "permissions": "patient/*.rs", "roles": ["offline_access", "patient"], "launch_patient": "p9", "fhir_user": "Patient/p9", "cid": "portal",
        ])
        let verified = try await verifier(mapping: mapping).verify(token, now: now)
        #expect(verified.scope == "patient/*.rs")
        #expect(verified.role == .patient)
        #expect(verified.patient == "p9")
        #expect(verified.fhirUser == "Patient/p9")
        #expect(verified.clientID == "portal")
    }

    @Test func aMissingRoleIsRefusedUnlessTheIssuerAllowsIt() async throws {
        await #expect(throws: TokenError.missingClaim(name: "kiln_role")) {
            try await verifier().verify(try rsaToken(["kiln_role": NSNull()]), now: now)
        }
        #expect(try await verifier(requiresRole: false).verify(try rsaToken(["kiln_role": NSNull()]), now: now).role == nil)
    }

    @Test func anUnknownOrAmbiguousRoleIsRefused() async throws {
        await #expect(throws: TokenError.invalidClaim(name: "kiln_role", reason: "'superuser' is not a Kiln role (researcher, clinician, data-steward, administrator, patient)")) {
            try await verifier(requiresRole: false).verify(try rsaToken(["kiln_role": "superuser"]), now: now)
        }
        await #expect(throws: TokenError.invalidClaim(name: "kiln_role", reason: "it names several Kiln roles (clinician, administrator); a user has one")) {
            try await verifier().verify(try rsaToken(["kiln_role": ["clinician", "administrator"]]), now: now)
        }
    }

    @Test func anExternalIssuerCannotClaimKilnsIssuer() async throws {
        let jwks = try TokenFixture.jwks([(.rsa(TokenFixture.rsaKey), kid: "rsa-1", alg: "RS256")])
        let impostor = try ExternalIssuer(issuer: TokenFixture.issuer, jwksJSON: jwks)
        let verifier = TokenVerifier(issuer: TokenFixture.issuer, audience: TokenFixture.audience, serverKeys: [TokenFixture.serverKey], externalIssuers: [impostor])
        #expect(verifier.externalIssuers.isEmpty)
        let token = try rsaToken(["iss": TokenFixture.issuer])
        await #expect(throws: TokenError.algorithmNotAllowed(algorithm: "RS256")) { try await verifier.verify(token, now: now) }
    }
}
