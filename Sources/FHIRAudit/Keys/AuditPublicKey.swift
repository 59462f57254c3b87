public import Crypto

/// A public key that verifies checkpoints, with its `kid`: the JWK thumbprint of the key
/// (RFC 7638, SHA-256, base64url), so anyone computes the same id from the key alone.
///
/// ```swift
/// let key = AuditPublicKey(publicKey: signing.publicKey)
/// checkpoint.keyID == key.keyID && checkpoint.hasValidSignature(publicKey: key.publicKey)
/// key.jwkJSON   // {"alg":"ES256","crv":"P-256","kid":"…","kty":"EC","use":"sig","x":"…","y":"…"}
/// ```
public struct AuditPublicKey: Sendable, Hashable {
    /// The key id: the key's JWK thumbprint.
    public let keyID: String
    /// The P-256 public key.
    public let publicKey: P256.Signing.PublicKey
    /// The JWK's base64url `x` and `y` coordinates.
    private let x: String
    private let y: String

    /// The key, its id computed from it.
    public init(publicKey: P256.Signing.PublicKey) {
        let point = Array(publicKey.x963Representation)
        let x = Base64URL.encode(point[1...32])
        let y = Base64URL.encode(point[33...64])
        let canonical = #"{"crv":"P-256","kty":"EC","x":"\#(x)","y":"\#(y)"}"#
        self.keyID = Base64URL.encode(SHA256.hash(data: Array(canonical.utf8)))
        self.publicKey = publicKey
        self.x = x
        self.y = y
    }

    /// The key whose uncompressed point (`04 ‖ x ‖ y`, 65 bytes) this is.
    public init(x963Representation: [UInt8]) throws(AuditKeyError) {
        do {
            self.init(publicKey: try P256.Signing.PublicKey(x963Representation: x963Representation))
        } catch {
            throw .invalidPublicKey(String(describing: error))
        }
    }

    /// The uncompressed point `04 ‖ x ‖ y`, 65 bytes, as the store keeps it.
    public var x963Representation: [UInt8] { Array(publicKey.x963Representation) }

    /// The key as a JWK: `kty` EC, `crv` P-256, `x`, `y`, `kid`, `use` sig, `alg` ES256, keys sorted.
    public var jwkJSON: String {
        #"{"alg":"ES256","crv":"P-256","kid":"\#(keyID)","kty":"EC","use":"sig","x":"\#(x)","y":"\#(y)"}"#
    }

    /// Two keys are the same when their points are.
    public static func == (lhs: AuditPublicKey, rhs: AuditPublicKey) -> Bool {
        lhs.x == rhs.x && lhs.y == rhs.y
    }

    /// Hashes the point.
    public func hash(into hasher: inout Hasher) {
        hasher.combine(x)
        hasher.combine(y)
    }
}
