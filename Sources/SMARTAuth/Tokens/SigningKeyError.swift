/// Why the server's signing key cannot be loaded.
public enum SigningKeyError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The text is not a PEM P-256 private key.
    case invalidPEM(reason: String)

    /// What is wrong and what to do.
    public var description: String {
        switch self {
        case .invalidPEM(let reason):
            "The stored signing key is not a PEM-encoded P-256 (ES256) private key (\(reason)); restore it from a backup, or generate a new one, which invalidates every token issued with the old key"
        }
    }
}
