public import FHIRModel

/// Builds the AuditEvent Kiln records for an event, shaped after the IHE Basic Audit Log
/// Patterns (BALP 1.1.x), and the ``AuditRecord`` the log appends: its canonical bytes
/// (compact JSON in a fixed member order, so the same facts always give the same bytes) and
/// its index values. Pure and fast: it runs on every request.
///
/// ```swift
/// let builder = AuditEventBuilder()
/// let records = builder.records(for: facts)       // the event, and a consent decision when one was denied or overridden
/// try await auditLog.append(records)
/// ```
///
/// What the record holds, and where (see `fhir-profiles/balp/README.md` for the profiles):
/// - `type`, `subtype`, `action`: `rest` and the restful-interaction code for REST
///   interactions; DICOM 110114 User Authentication for tokens and sign-in (110122 Login,
///   110123 Logout, IHE ITI-71 and ITI-102); 110113 Security Alert with 110129 Security
///   Configuration for administration; 110100 Application Activity with 110120/110121 for start
///   and stop; 110106 Export with `disclose` for the research view's releases; 110113 with
///   BALP's `AuthZ-Consent` for consent decisions.
/// - `outcome`: 0 for 2xx and 3xx, 4 for 4xx, 8 for 5xx (a failed sign-in and a denying consent
///   decision are at least 4); `outcomeDesc` is Kiln's own message.
/// - `agent`: the client (its `client_id` as `who.identifier`, its network address), the user
///   (`fhirUser` as `who.reference`, `sub` as `who.identifier`, the role as `role.text`, the
///   purpose of use; with a token, BALP's `UserOauthAgent` type and the `jti` as `policy`), the
///   Organization, and the server (`who` the same as `source.observer`), typed as each BALP
///   pattern says.
/// - `entity`: one per patient (type 1 Person, role 1 Patient), the resources read or written
///   (type 2 System Object, or a search's and history's results by their resource type),
///   the search (role 24 Query, the raw request base64 in `query`), the request (BALP's
///   `XrequestId`, its id in `what.identifier`), with Kiln's facts of the request as
///   `detail`: the view, the research project, the consent decision, the operation, the
///   administrative action (`https://kiln.dev/fhir/audit-detail/…`). For token events the
///   `jti` of the token issued, revoked or introspected is an entity (role 13 Security
///   Resource) rather than the user's `policy`.
/// - Never a resource body or a token.
///
/// A record claims (`meta.profile`) only the BALP profiles it conforms to. BALP's
/// AuthZconsent fixes `type` to Security Alert and closes `entity` to the patient, the Consents
/// and the token, so no REST record can conform to it as well: when consent denied a request
/// or break-glass overrode a denial, ``records(for:)`` adds a second record, the consent
/// decision (``authorizationRecord(for:)``), as BALP expects of an authorization service.
public struct AuditEventBuilder: Sendable {
    /// A builder.
    public init() {}

    /// The record of the event itself.
    public func record(for facts: AuditEventFacts) -> AuditRecord {
        mainEvent(facts).record(facts)
    }

    /// The record of the consent decision when consent denied the request or break-glass
    /// overrode a denial; nil otherwise. Its id is derived from the facts' id
    /// (``authorizationRecordID(for:)``).
    public func authorizationRecord(for facts: AuditEventFacts) -> AuditRecord? {
        authorizationEvent(facts).map { $0.record(facts) }
    }

    /// The records to append for the event: ``record(for:)``, then ``authorizationRecord(for:)``
    /// when there is one.
    public func records(for facts: AuditEventFacts) -> [AuditRecord] {
        var records = [record(for: facts)]
        if let authorization = authorizationRecord(for: facts) { records.append(authorization) }
        return records
    }

    /// The AuditEvent of ``record(for:)`` as JSON.
    public func auditEvent(for facts: AuditEventFacts) -> JSONValue {
        mainEvent(facts).json
    }

    /// The AuditEvent of ``authorizationRecord(for:)`` as JSON.
    public func authorizationAuditEvent(for facts: AuditEventFacts) -> JSONValue? {
        authorizationEvent(facts)?.json
    }

    /// The id of the consent decision record of `facts`: a lowercase UUID (version 8) made
    /// from the SHA-256 of the event's id, so it is the same every time.
    public static func authorizationRecordID(for facts: AuditEventFacts) -> String {
        AuditEventID.derived(from: facts.id, purpose: "AuthZconsent")
    }

    // MARK: - The events

    /// The record of the event itself.
    func mainEvent(_ facts: AuditEventFacts) -> BuiltAuditEvent {
        var outcome = Self.outcome(status: facts.status)
        switch facts.kind {
        case .login(succeeded: false): outcome = Self.failed(outcome)
        case .consentDecision where facts.consent == .denied: outcome = Self.failed(outcome)
        default: break
        }
        let shape = AuditEventShape.main(for: facts, outcome: outcome)
        if shape.layout == .authorization {
            return decisionEvent(facts, id: facts.id, outcome: outcome)
        }
        let parties = AuditEventParties(facts)
        let agents = self.agents(facts, shape: shape, parties: parties)
        let entities = self.entities(facts, shape: shape)
        let profiles = claims(facts, shape: shape, outcome: outcome, entityCount: entities.count)
        return BuiltAuditEvent(facts: facts, id: facts.id, shape: shape, outcome: outcome, profiles: profiles,
                               parties: parties, agents: agents, entities: entities, indexedEntities: facts.entities)
    }

    /// The consent decision that accompanies a request consent denied or break-glass overrode.
    func authorizationEvent(_ facts: AuditEventFacts) -> BuiltAuditEvent? {
        guard facts.consent == .denied || facts.consent == .overridden else { return nil }
        if case .consentDecision = facts.kind { return nil }
        var outcome = Self.outcome(status: facts.status)
        if facts.consent == .denied { outcome = Self.failed(outcome) }
        return decisionEvent(facts, id: Self.authorizationRecordID(for: facts), outcome: outcome)
    }

    /// An authorization decision based on Consent (BALP AuthZconsent's layout).
    private func decisionEvent(_ facts: AuditEventFacts, id: String, outcome: String) -> BuiltAuditEvent {
        let shape = AuditEventShape.authorization
        let parties = AuditEventParties(facts)
        let agents = decisionAgents(facts, shape: shape, parties: parties)
        let entities = decisionEntities(facts)
        let profiles = decisionClaims(facts)
        return BuiltAuditEvent(facts: facts, id: id, shape: shape, outcome: outcome, profiles: profiles,
                               parties: parties, agents: agents, entities: entities, indexedEntities: facts.consentReferences)
    }

    // MARK: - Outcome

    /// `outcome` for an HTTP status: 0 for 2xx and 3xx (and no status), 4 for 4xx, 8 for 5xx.
    static func outcome(status: Int) -> String {
        switch status {
        case 400..<500: "4"
        case 500...: "8"
        default: "0"
        }
    }

    /// At least a minor failure.
    private static func failed(_ outcome: String) -> String {
        outcome == "0" ? "4" : outcome
    }
}
