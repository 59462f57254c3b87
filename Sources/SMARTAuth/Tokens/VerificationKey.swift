import Crypto
import JWTKit
import _CryptoExtras

/// One public key a JWS may be verified with, and the algorithms it may be used with.
struct VerificationKey: Sendable {
    /// The key material.
    enum Material: Sendable {
        case p256(P256.Signing.PublicKey)
        case p384(P384.Signing.PublicKey)
        case rsa(_RSA.Signing.PublicKey)
    }

    /// The key's `kid`, if it has one.
    let keyID: String?
    /// The algorithms a token signed with this key may name: one, or RS256 and RS384 for an
    /// RSA key that names no `alg`.
    let algorithms: Set<JWSAlgorithm>
    let material: Material

    /// Whether `jws` carries a valid signature by this key under `algorithm`. jwt-kit checks the
    /// signature; the key collection holds this key alone, so nothing in the token's header can
    /// make it use another.
    func verifies(_ jws: CompactJWS, as algorithm: JWSAlgorithm) async -> Bool {
        guard algorithms.contains(algorithm) else { return false }
        let collection = JWTKeyCollection()
        do {
            switch (material, algorithm) {
            case (.p256(let key), .es256):
                await collection.add(ecdsa: try ES256PublicKey(backing: key))
            case (.p384(let key), .es384):
                await collection.add(ecdsa: try ES384PublicKey(backing: key))
            case (.rsa(let key), .rs256):
                await collection.add(rsa: try JWTKit.Insecure.RSA.PublicKey(backing: key), digestAlgorithm: .sha256)
            case (.rsa(let key), .rs384):
                await collection.add(rsa: try JWTKit.Insecure.RSA.PublicKey(backing: key), digestAlgorithm: .sha384)
            default:
                return false
            }
            _ = try await collection.verify(jws.token, as: SignedContent.self)
            return true
        } catch {
            return false
        }
    }
}
