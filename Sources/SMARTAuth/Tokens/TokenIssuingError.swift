/// Why a token could not be issued.
public enum TokenIssuingError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The requested lifetime is zero or negative.
    case invalidLifetime(seconds: Double)
    /// A claim that must have a value is empty.
    case emptyClaim(name: String)
    /// The JWS library could not sign (an internal fault, never the caller's input).
    case signingFailed(reason: String)

    /// What went wrong.
    public var description: String {
        switch self {
        case .invalidLifetime(let seconds):
            "A token lifetime must be positive; \(seconds) seconds was asked for"
        case .emptyClaim(let name):
            "The token's '\(name)' claim would be empty; every token names its subject, client and audience"
        case .signingFailed(let reason):
            "The token could not be signed: \(reason)"
        }
    }
}
