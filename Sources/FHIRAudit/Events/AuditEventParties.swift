import FHIRModel

/// The JSON values a record holds more than once, made once per record: the server's
/// identity (its agent's `who` and `source.observer`, which BALP requires to be equal) and the
/// purpose of use (the user's and the event's).
struct AuditEventParties {
    /// The server: its base URL as identifier, and its name.
    let server: JSONValue
    /// The v3-ActReason purpose of use, if any.
    let purposeOfUse: JSONValue?

    init(_ facts: AuditEventFacts) {
        server = AuditJSON.object([
            "identifier": AuditJSON.object(["system": "urn:ietf:rfc:3986", "value": .string(facts.server.baseURL)]),
            "display": .string(facts.server.name),
        ])
        purposeOfUse = facts.caller.purposeOfUse.map { AuditJSON.concept(AuditJSON.coding(AuditCodes.actReason, $0)) }
    }
}
