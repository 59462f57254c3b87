public import Foundation

/// One audit record to append: its id, its canonical bytes, exactly as they are hashed, stored
/// and served, and the values searches filter on (taken from the record by its builder; they
/// are an index and prove nothing).
///
/// The lists must not hold the control character U+001F, which separates them on the way into
/// PostgreSQL; the store refuses a record that does.
public struct AuditRecord: Sendable, Hashable {
    /// The AuditEvent's logical id, also inside the canonical bytes.
    public var id: String
    /// When the event was recorded (the AuditEvent's `recorded`).
    public var recorded: Date
    /// The record's canonical bytes.
    public var canonical: [UInt8]
    /// The AuditEvent's `type.code` (`rest`, `110114` …).
    public var typeCode: String
    /// Its `subtype` codes (`read`, `search-type` …).
    public var subtypes: [String]
    /// Its `action` (C, R, U, D, E).
    public var action: String?
    /// Its `outcome` (0, 4, 8, 12).
    public var outcome: String
    /// The patients the event is about, as `Patient/id`.
    public var patients: [String]
    /// The agents' identities (client ids, users, fhirUser references).
    public var agents: [String]
    /// The purposes of use.
    public var purposes: [String]
    /// The other entities' references (`Observation/id`, …).
    public var entities: [String]

    /// A record to append.
    public init(id: String, recorded: Date, canonical: [UInt8], typeCode: String, subtypes: [String] = [], action: String? = nil,
                outcome: String, patients: [String] = [], agents: [String] = [], purposes: [String] = [], entities: [String] = []) {
        self.id = id
        self.recorded = recorded
        self.canonical = canonical
        self.typeCode = typeCode
        self.subtypes = subtypes
        self.action = action
        self.outcome = outcome
        self.patients = patients
        self.agents = agents
        self.purposes = purposes
        self.entities = entities
    }
}
