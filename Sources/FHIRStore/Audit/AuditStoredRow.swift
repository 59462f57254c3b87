public import Foundation

/// One row of the audit log as stored: its sequence, canonical bytes and chain hash, which
/// verification checks, and when it was recorded.
public struct AuditStoredRow: Sendable, Hashable {
    /// The record's position, from 1.
    public var sequence: Int64
    /// When it was recorded.
    public var recorded: Date
    /// The canonical bytes as stored.
    public var canonical: [UInt8]
    /// The chain hash as stored (32 bytes).
    public var chainHash: [UInt8]

    /// A row.
    public init(sequence: Int64, recorded: Date, canonical: [UInt8], chainHash: [UInt8]) {
        self.sequence = sequence
        self.recorded = recorded
        self.canonical = canonical
        self.chainHash = chainHash
    }
}
