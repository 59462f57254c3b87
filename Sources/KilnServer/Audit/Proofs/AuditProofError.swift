public import FHIRModel

/// Why an inclusion proof could not be given.
public enum AuditProofError: Error, Sendable, Hashable, CustomStringConvertible {
    /// No audit record has this id.
    case recordNotFound(id: String)
    /// The record was appended after the latest checkpoint, which does not cover it yet; the
    /// next checkpoint will (`treeSize` is the latest's, nil when there is none).
    case notYetCheckpointed(sequence: Int64, treeSize: Int64?)
    /// The latest checkpoint is not readable, or the records no longer have its root.
    case checkpointUnusable(String)
    /// The log changed while the proof was made (a record missing).
    case logChanged
    /// The store failed; the underlying error, for the log.
    case storeFailed(String)

    /// The problem, for the client.
    public var description: String {
        switch self {
        case let .recordNotFound(id): "AuditEvent/\(id) is not in the audit log"
        case let .notYetCheckpointed(sequence, treeSize):
            "AuditEvent record \(sequence) is not covered by a checkpoint yet (the latest covers \(treeSize.map(String.init) ?? "no") records); retry after the next checkpoint"
        case let .checkpointUnusable(reason): "the latest audit checkpoint cannot prove inclusion: \(reason)"
        case .logChanged: "the audit log changed while the proof was made"
        case let .storeFailed(reason): "the audit log could not be read: \(reason)"
        }
    }

    /// The FHIR error to answer with: 404, 409 (not checkpointed yet), 500 or 503.
    public var fhirError: FHIRError {
        switch self {
        case .recordNotFound: .notFound(description)
        case .notYetCheckpointed: .conflict(description, code: .transient)
        case .checkpointUnusable, .logChanged: .internalError(description)
        case .storeFailed: .unavailable(description)
        }
    }
}
