import Crypto
import Foundation
import SMARTAuth
import Testing

@Suite struct ServerSigningKeyTests {
    @Test func pemRoundTripKeepsTheKeyAndItsKeyID() throws {
        let key = ServerSigningKey.generate()
        #expect(key.pemRepresentation.hasPrefix("-----BEGIN PRIVATE KEY-----"))
        let restored = try ServerSigningKey(pemRepresentation: key.pemRepresentation)
        #expect(restored.keyID == key.keyID)
        #expect(restored.jwksJSON == key.jwksJSON)
        #expect(restored.pemRepresentation == key.pemRepresentation)
    }

    @Test func sec1PEMIsReadToo() throws {
        let privateKey = P256.Signing.PrivateKey()
        // ECPrivateKey (RFC 5915): version 1, the 32-byte scalar, the curve prime256v1.
        let der: [UInt8] = [0x30, 0x31, 0x02, 0x01, 0x01, 0x04, 0x20] + Array(privateKey.rawRepresentation)
            + [0xA0, 0x0A, 0x06, 0x08, 0x2A, 0x86, 0x48, 0xCE, 0x3D, 0x03, 0x01, 0x07]
        let pem = "-----BEGIN EC PRIVATE KEY-----\n\(Data(der).base64EncodedString(options: .lineLength64Characters))\n-----END EC PRIVATE KEY-----"
        let key = try ServerSigningKey(pemRepresentation: pem)
        #expect(key.keyID == (try ServerSigningKey(pemRepresentation: privateKey.pemRepresentation)).keyID)
    }

    @Test func keyIDIsTheRFC7638Thumbprint() throws {
        let key = ServerSigningKey.generate()
        let jwk = try #require(try jwks(of: key).first)
        let x = try #require(jwk["x"] as? String)
        let y = try #require(jwk["y"] as? String)
        let canonical = #"{"crv":"P-256","kty":"EC","x":"\#(x)","y":"\#(y)"}"#
        #expect(key.keyID == TokenFixture.base64URL(SHA256.hash(data: Array(canonical.utf8))))
        #expect(key.keyID.count == 43)
    }

    @Test func keyIDsOfDifferentKeysDiffer() {
        #expect(ServerSigningKey.generate().keyID != ServerSigningKey.generate().keyID)
    }

    @Test func jwksHoldsThePublicKeyOnly() throws {
        let key = TokenFixture.serverKey
        let jwk = try #require(try jwks(of: key).first)
        #expect(Set(jwk.keys) == ["kty", "crv", "x", "y", "kid", "alg", "use"])
        #expect(jwk["kty"] as? String == "EC")
        #expect(jwk["crv"] as? String == "P-256")
        #expect(jwk["alg"] as? String == "ES256")
        #expect(jwk["use"] as? String == "sig")
        #expect(jwk["kid"] as? String == key.keyID)
        let point = Array(TokenFixture.serverPrivateKey.publicKey.x963Representation)
        #expect(jwk["x"] as? String == TokenFixture.base64URL(point[1...32]))
        #expect(jwk["y"] as? String == TokenFixture.base64URL(point[33...64]))
    }

    @Test func jwksOfSeveralKeysListsEach() throws {
        let keys = [ServerSigningKey.generate(), ServerSigningKey.generate()]
        let object = try #require(try JSONSerialization.jsonObject(with: Data(ServerSigningKey.jwksJSON(of: keys).utf8)) as? [String: Any])
        let listed = try #require(object["keys"] as? [[String: Any]])
        #expect(listed.compactMap { $0["kid"] as? String } == keys.map(\.keyID))
    }

    @Test func aKeyThatIsNotP256PEMIsRefused() {
        #expect(throws: SigningKeyError.self) { try ServerSigningKey(pemRepresentation: "not a key") }
        #expect(throws: SigningKeyError.self) { try ServerSigningKey(pemRepresentation: P384.Signing.PrivateKey().pemRepresentation) }
    }

    private func jwks(of key: ServerSigningKey) throws -> [[String: Any]] {
        let object = try #require(try JSONSerialization.jsonObject(with: Data(key.jwksJSON.utf8)) as? [String: Any])
        return try #require(object["keys"] as? [[String: Any]])
    }
}
