import Crypto
import FHIRAudit
import Foundation
import Testing

/// Checkpoint keys: their ids (JWK thumbprints), the kid a checkpoint names, and the JWK Set.
@Suite("Audit checkpoint keys")
struct AuditKeyTests {
    typealias F = AuditLogFixtures

    static func base64URL(_ bytes: some Sequence<UInt8>) -> String {
        Data(bytes).base64EncodedString().replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_").replacingOccurrences(of: "=", with: "")
    }

    @Test("A key's id is its RFC 7638 thumbprint: SHA-256 of the sorted required members, base64url")
    func thumbprint() throws {
        let key = AuditSigningKey(privateKey: try F.signingKey())
        let point = Array(key.privateKey.publicKey.x963Representation)
        let canonical = #"{"crv":"P-256","kty":"EC","x":"\#(Self.base64URL(point[1...32]))","y":"\#(Self.base64URL(point[33...64]))"}"#
        #expect(key.keyID == Self.base64URL(SHA256.hash(data: Array(canonical.utf8))))
        #expect(key.keyID.count == 43)
        #expect(AuditSigningKey(privateKey: try F.otherKey()).keyID != key.keyID)
    }

    @Test("A checkpoint signed with a key names it, and the kid survives the JSON form")
    func checkpointNamesKey() throws {
        let key = AuditSigningKey(privateKey: try F.signingKey())
        let checkpoint = try key.sign(treeSize: 3, root: MerkleHash.emptyRoot, chainHead: AuditChain.genesis, time: 1_700_000_000)
        #expect(checkpoint.keyID == key.keyID)
        #expect(checkpoint.hasValidSignature(publicKey: key.publicKey.publicKey))
        let json = try checkpoint.jsonData()
        let object = try #require(try JSONSerialization.jsonObject(with: json) as? [String: Any])
        #expect(object["kid"] as? String == key.keyID)
        #expect(try AuditCheckpoint(jsonData: json) == checkpoint)
        // The kid is not signed: the signed text is the same five lines.
        #expect(checkpoint.signedText == AuditCheckpoint.signedText(treeSize: 3, root: MerkleHash.emptyRoot, chainHead: AuditChain.genesis, time: 1_700_000_000))
    }

    @Test("A checkpoint without a kid is written without one, as before")
    func checkpointWithoutKey() throws {
        let checkpoint = try AuditCheckpoint.signed(treeSize: 0, root: MerkleHash.emptyRoot, chainHead: AuditChain.genesis, time: 1, signingKey: F.signingKey())
        #expect(checkpoint.keyID == nil)
        let object = try #require(try JSONSerialization.jsonObject(with: checkpoint.jsonData()) as? [String: Any])
        #expect(object["kid"] == nil)
    }

    @Test("The JWK Set lists each key as EC P-256 with kid, use sig and alg ES256, and reads back")
    func jwks() throws {
        let keys = [AuditSigningKey(privateKey: try F.signingKey()).publicKey, AuditSigningKey(privateKey: try F.otherKey()).publicKey]
        let json = AuditKeySet.jwksJSON(keys)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        let members = try #require(object["keys"] as? [[String: Any]])
        #expect(members.count == 2)
        for (member, key) in zip(members, keys) {
            #expect(member["kty"] as? String == "EC")
            #expect(member["crv"] as? String == "P-256")
            #expect(member["use"] as? String == "sig")
            #expect(member["alg"] as? String == "ES256")
            #expect(member["kid"] as? String == key.keyID)
            #expect((member["x"] as? String)?.count == 43 && (member["y"] as? String)?.count == 43)
        }
        #expect(try AuditKeySet.keys(jwks: Data(json.utf8)) == keys)
        #expect(AuditKeySet.jwksJSON([]) == #"{"keys":[]}"#)
    }

    @Test("A JWK Set whose kid is not the key's thumbprint, or that is no P-256 key, is refused")
    func jwksRefused() throws {
        let key = AuditSigningKey(privateKey: try F.signingKey()).publicKey
        let forged = AuditKeySet.jwksJSON([key]).replacingOccurrences(of: key.keyID, with: "someone-else")
        #expect(throws: AuditKeyError.self) { try AuditKeySet.keys(jwks: Data(forged.utf8)) }
        for text in ["[]", "{}", #"{"keys":[{"kty":"RSA","n":"AQAB","e":"AQAB"}]}"#, #"{"keys":[{"kty":"EC","crv":"P-256","x":"AA","y":"AA"}]}"#, "nope"] {
            #expect(throws: AuditKeyError.self, "\(text)") { try AuditKeySet.keys(jwks: Data(text.utf8)) }
        }
    }

    @Test("A key survives its PEM form; other text is refused")
    func pem() throws {
        let key = AuditSigningKey.generate()
        #expect(try AuditSigningKey(pemRepresentation: key.pemRepresentation).keyID == key.keyID)
        #expect(throws: AuditKeyError.self) { try AuditSigningKey(pemRepresentation: "-----BEGIN PRIVATE KEY-----\nAAAA\n-----END PRIVATE KEY-----") }
    }
}
