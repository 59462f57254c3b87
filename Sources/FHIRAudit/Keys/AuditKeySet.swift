public import Foundation

/// The checkpoint keys as a JWK Set (RFC 7517 §5), as `GET /audit/keys` serves them and as a
/// verifier reads them back from a saved copy.
///
/// ```swift
/// let json = AuditKeySet.jwksJSON([key.publicKey])   // {"keys":[{"alg":"ES256",…}]}
/// let keys = try AuditKeySet.keys(jwks: Data(json.utf8))
/// ```
public enum AuditKeySet {
    /// `{"keys":[…]}` with one JWK per key, in the order given.
    public static func jwksJSON(_ keys: [AuditPublicKey]) -> String {
        #"{"keys":[\#(keys.map(\.jwkJSON).joined(separator: ","))]}"#
    }

    /// The P-256 keys of a JWK Set. A key whose `kid` is not its thumbprint is refused, so a
    /// key cannot pass for another; keys of other types are refused too.
    public static func keys(jwks: Data) throws(AuditKeyError) -> [AuditPublicKey] {
        let object: Any
        do {
            object = try JSONSerialization.jsonObject(with: jwks)
        } catch {
            throw .invalidJWKS("not JSON: \(error.localizedDescription)")
        }
        guard let set = object as? [String: Any], let members = set["keys"] as? [Any] else {
            throw .invalidJWKS(#"no "keys" array"#)
        }
        var keys: [AuditPublicKey] = []
        for (index, member) in members.enumerated() {
            guard let jwk = member as? [String: Any], jwk["kty"] as? String == "EC", jwk["crv"] as? String == "P-256",
                  let xText = jwk["x"] as? String, let yText = jwk["y"] as? String,
                  let x = Base64URL.decode(xText), let y = Base64URL.decode(yText), x.count == 32, y.count == 32
            else {
                throw .invalidJWKS("key \(index) is not an EC P-256 key with 32-byte x and y")
            }
            let key = try AuditPublicKey(x963Representation: [0x04] + x + y)
            if let kid = jwk["kid"] as? String, kid != key.keyID {
                throw .invalidJWKS("key \(index): kid \(kid) is not the key's thumbprint \(key.keyID)")
            }
            keys.append(key)
        }
        return keys
    }
}
