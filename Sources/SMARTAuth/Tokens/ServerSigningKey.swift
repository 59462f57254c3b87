import Crypto

/// The authorization server's own ES256 key pair: it signs every access token and id_token
/// Kiln issues. Every node of one deployment shares it, kept in the store as PEM.
///
/// ```swift
/// let key = ServerSigningKey.generate()
/// store.save(key.pemRepresentation)                 // once, by the first node
/// let same = try ServerSigningKey(pemRepresentation: stored)
/// same.keyID == key.keyID                           // true: the kid is the key's thumbprint
/// response.body = key.jwksJSON                      // served at the jwks_uri
/// ```
public struct ServerSigningKey: Sendable {
    let privateKey: P256.Signing.PrivateKey

    /// The key's `kid`: its JWK thumbprint (RFC 7638, SHA-256, base64url). It depends on the
    /// public key alone, so every node computes the same one and a new key gets a new one.
    public let keyID: String

    init(privateKey: P256.Signing.PrivateKey) {
        self.privateKey = privateKey
        let coordinates = Self.coordinates(of: privateKey.publicKey)
        let canonical = #"{"crv":"P-256","kty":"EC","x":"\#(coordinates.x)","y":"\#(coordinates.y)"}"#
        self.keyID = Base64URL.encode(SHA256.hash(data: Array(canonical.utf8)))
    }

    /// A new random key pair.
    public static func generate() -> ServerSigningKey {
        ServerSigningKey(privateKey: P256.Signing.PrivateKey())
    }

    /// The key pair stored as `pemRepresentation`: a PKCS #8 (`BEGIN PRIVATE KEY`) or SEC 1
    /// (`BEGIN EC PRIVATE KEY`) P-256 private key.
    public init(pemRepresentation: String) throws(SigningKeyError) {
        do {
            self.init(privateKey: try P256.Signing.PrivateKey(pemRepresentation: pemRepresentation))
        } catch {
            throw .invalidPEM(reason: String(describing: error))
        }
    }

    /// The private key as PKCS #8 PEM, for the store. A secret: never log or serve it.
    public var pemRepresentation: String {
        privateKey.pemRepresentation
    }

    /// The public key as a JWK (`kty`, `crv`, `x`, `y`, `kid`, `alg`, `use`), as JSON.
    public var publicJWKJSON: String {
        let coordinates = Self.coordinates(of: privateKey.publicKey)
        return #"{"alg":"ES256","crv":"P-256","kid":"\#(keyID)","kty":"EC","use":"sig","x":"\#(coordinates.x)","y":"\#(coordinates.y)"}"#
    }

    /// The JWK Set of this key alone, served at the authorization server's `jwks_uri`.
    public var jwksJSON: String {
        Self.jwksJSON(of: [self])
    }

    /// The JWK Set of several keys: the current one and those retired recently, whose tokens
    /// have not expired yet.
    public static func jwksJSON(of keys: [ServerSigningKey]) -> String {
        #"{"keys":[\#(keys.map(\.publicJWKJSON).joined(separator: ","))]}"#
    }

    /// The public key, for verification.
    var verificationKey: VerificationKey {
        VerificationKey(keyID: keyID, algorithms: [.es256], material: .p256(privateKey.publicKey))
    }

    /// The base64url coordinates of a P-256 point (from its `04 || x || y` form).
    private static func coordinates(of key: P256.Signing.PublicKey) -> (x: String, y: String) {
        let point = Array(key.x963Representation)
        return (Base64URL.encode(point[1...32]), Base64URL.encode(point[33...64]))
    }
}
