/// Why a checkpoint could not be made or read.
public enum AuditCheckpointError: Error, Sendable, Hashable, CustomStringConvertible {
    /// A checkpoint covers 0 or more records, never fewer.
    case negativeTreeSize(Int64)
    /// The signing key refused to sign; the underlying error, for a person.
    case signingFailed(String)
    /// The JSON is not a checkpoint; what is wrong, for a person.
    case invalidJSON(String)

    /// The problem, for a person.
    public var description: String {
        switch self {
        case let .negativeTreeSize(size): "a checkpoint's tree size cannot be negative: \(size)"
        case let .signingFailed(reason): "the checkpoint could not be signed: \(reason)"
        case let .invalidJSON(reason): "not an audit checkpoint: \(reason)"
        }
    }
}
