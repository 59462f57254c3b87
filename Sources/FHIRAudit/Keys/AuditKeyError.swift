/// Why a checkpoint key could not be read.
public enum AuditKeyError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The PEM text is not a P-256 private key; the underlying error, for a person.
    case invalidPEM(String)
    /// The bytes are not a P-256 public key; the underlying error, for a person.
    case invalidPublicKey(String)
    /// The JSON is not a JWK Set of P-256 keys; what is wrong, for a person.
    case invalidJWKS(String)

    /// The problem, for a person.
    public var description: String {
        switch self {
        case let .invalidPEM(reason): "not a P-256 private key: \(reason)"
        case let .invalidPublicKey(reason): "not a P-256 public key: \(reason)"
        case let .invalidJWKS(reason): "not a JWK Set of P-256 keys: \(reason)"
        }
    }
}
