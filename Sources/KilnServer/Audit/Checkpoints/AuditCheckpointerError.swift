/// Why the checkpointer stopped: the log it reads is not the log it signed before.
public enum AuditCheckpointerError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The records up to a stored checkpoint's size no longer have its Merkle root or chain
    /// head: they were changed after it was signed. Nothing more is signed over them.
    case diverged(treeSize: Int64, what: String)
    /// The records skip a sequence: one was removed.
    case gap(expected: Int64, found: Int64)

    /// The problem, for the operator.
    public var description: String {
        switch self {
        case let .diverged(treeSize, what):
            "the audit log no longer matches its checkpoint of \(treeSize) records (\(what) differs); no checkpoint is signed over it: run kiln audit verify"
        case let .gap(expected, found):
            "the audit log skips from record \(expected - 1) to \(found); no checkpoint is signed over it: run kiln audit verify"
        }
    }
}
