/// Why a password could not be hashed or checked.
public enum PasswordHashError: Error, Sendable, Hashable, CustomStringConvertible {
    /// Fewer iterations than ``PasswordHasher/minimumIterations`` were asked for.
    case tooFewIterations(Int)
    /// The password is empty or longer than ``PasswordHasher/maximumPasswordLength`` bytes.
    case unacceptablePassword(reason: String)
    /// The stored hash is not `pbkdf2-sha256$<iterations>$<salt>$<hash>` with sane values.
    case malformedHash(reason: String)
    /// The key derivation failed (an internal fault).
    case derivationFailed(reason: String)

    /// What is wrong and what to do.
    public var description: String {
        switch self {
        case .tooFewIterations(let iterations):
            "\(iterations) PBKDF2 iterations are too few; use at least \(PasswordHasher.minimumIterations)"
        case .unacceptablePassword(let reason):
            "The password cannot be used: \(reason)"
        case .malformedHash(let reason):
            "The stored password hash cannot be read (\(reason)); set a new password for this account"
        case .derivationFailed(let reason):
            "The password hash could not be computed: \(reason)"
        }
    }
}
