import Crypto
import Foundation
import SMARTAuth
import Testing
import _CryptoExtras

/// Reading JWKS documents: what is kept, skipped and refused.
@Suite struct VerificationKeySetTests {
    @Test func usableKeysAreKeptAndOthersSkipped() throws {
        var jwks = try JSONSerialization.jsonObject(with: Data(try TokenFixture.jwks([
            (.rsa(TokenFixture.rsaKey), kid: "rsa", alg: "RS256"), (.p384(TokenFixture.p384Key), kid: "p384", alg: "ES384"),
        ]).utf8)) as? [String: Any]
        var keys = try #require(jwks?["keys"] as? [[String: Any]])
        keys.append(["kty": "oct", "k": "c2VjcmV0", "kid": "hmac"])
        keys.append(["kty": "OKP", "crv": "Ed25519", "x": "11qYAYKxCrfVS_7TyWQHOg7hcvPapiMlrwIaaPcHURo", "kid": "ed"])
        keys.append(try TestKey.rsa(TokenFixture.otherRSAKey).publicJWK(kid: "enc", alg: "RSA-OAEP").merging(["use": "enc"]) { $1 })
        keys.append(try TestKey.rsa(TokenFixture.otherRSAKey).publicJWK(kid: "pss", alg: "PS256"))
        jwks?["keys"] = keys
        let set = try VerificationKeySet(jwksJSON: String(decoding: try TokenFixture.json(jwks ?? [:]), as: UTF8.self))
        #expect(set.keyIDs == ["rsa", "p384"])
        #expect(set.count == 2)
    }

    @Test func textThatIsNotAKeySetIsRefused() {
        #expect(throws: KeySetError.notAKeySet(reason: "it is not a JSON object")) { try VerificationKeySet(jwksJSON: "[]") }
        #expect(throws: KeySetError.notAKeySet(reason: "it has no 'keys' array")) { try VerificationKeySet(jwksJSON: #"{"kty":"RSA"}"#) }
        #expect(throws: KeySetError.notAKeySet(reason: "key number 1 is a string, not an object")) { try VerificationKeySet(jwksJSON: #"{"keys":["x"]}"#) }
        #expect(throws: KeySetError.noUsableKeys(skipped: 0)) { try VerificationKeySet(jwksJSON: #"{"keys":[]}"#) }
        #expect(throws: KeySetError.noUsableKeys(skipped: 1)) { try VerificationKeySet(jwksJSON: #"{"keys":[{"kty":"oct","k":"c2VjcmV0"}]}"#) }
    }

    @Test func privateKeyMembersAreRefused() throws {
        let jwk = try TestKey.p256(TokenFixture.strangerPrivateKey).publicJWK(kid: "leaked", alg: "ES256")
            .merging(["d": TokenFixture.base64URL(TokenFixture.strangerPrivateKey.rawRepresentation)]) { $1 }
        let text = String(decoding: try TokenFixture.json(["keys": [jwk]]), as: UTF8.self)
        #expect(throws: KeySetError.privateKeyMaterial(index: 0, keyID: "leaked")) { try VerificationKeySet(jwksJSON: text) }
    }

    @Test func brokenKeysAreRefused() throws {
        let weak = try _RSA.Signing.PrivateKey(unsafeKeySize: .init(bitCount: 1024))
        #expect(throws: KeySetError.invalidKey(index: 0, keyID: "weak", reason: "its modulus and exponent do not form an RSA public key of at least 2048 bits")) {
            try VerificationKeySet(jwksJSON: try TokenFixture.jwks([(.rsa(weak), kid: "weak", alg: "RS256")]))
        }
        #expect(throws: KeySetError.invalidKey(index: 0, keyID: "p256", reason: "its 'alg' ES384 does not fit its curve P-256, which signs with ES256")) {
            try VerificationKeySet(jwksJSON: try TokenFixture.jwks([(.p256(TokenFixture.strangerPrivateKey), kid: "p256", alg: "ES384")]))
        }
        #expect(throws: KeySetError.invalidKey(index: 0, keyID: "bad", reason: "its 'x' and 'y' are not a point on P-256")) {
            try VerificationKeySet(jwksJSON: #"{"keys":[{"kty":"EC","crv":"P-256","kid":"bad","x":"AAAA","y":"AAAA"}]}"#)
        }
        #expect(throws: KeySetError.invalidKey(index: 0, keyID: nil, reason: "it has no 'n'")) {
            try VerificationKeySet(jwksJSON: #"{"keys":[{"kty":"RSA","e":"AQAB"}]}"#)
        }
    }
}
