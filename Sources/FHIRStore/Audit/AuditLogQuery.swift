public import Foundation

/// A search of the audit log, over the values each record was indexed with: every condition
/// must hold; the values of one condition are alternatives.
public struct AuditLogQuery: Sendable, Hashable {
    /// Records recorded at or after this instant.
    public var recordedFrom: Date?
    /// Records recorded before this instant.
    public var recordedBefore: Date?
    /// Records with one of these ids.
    public var ids: [String] = []
    /// Records naming one of these agents (client id, user, fhirUser reference).
    public var agents: [String] = []
    /// Records about one of these patients (`Patient/id`).
    public var patients: [String] = []
    /// Records naming one of these entities (`Observation/12`, with or without its version).
    public var entities: [String] = []
    /// Records of one of these `type` codes.
    public var types: [String] = []
    /// Records with one of these `subtype` codes.
    public var subtypes: [String] = []
    /// Records with one of these outcomes (0, 4, 8, 12).
    public var outcomes: [String] = []
    /// Records with one of these purposes of use.
    public var purposes: [String] = []
    /// Records with one of these actions (C, R, U, D, E).
    public var actions: [String] = []
    /// Newest first (`_sort=-date`, the default) or oldest first.
    public var newestFirst = true
    /// The page size.
    public var count = 50
    /// Continue after this sequence (exclusive), in the query's order.
    public var after: Int64?

    /// A query.
    public init() {}
}

/// A page of an audit log search: the records' sequences and canonical bytes, in order.
public struct AuditLogPage: Sendable {
    /// The records: sequence and canonical bytes.
    public var records: [(sequence: Int64, canonical: [UInt8])]
    /// Whether more records follow the last one.
    public var hasMore: Bool
}
