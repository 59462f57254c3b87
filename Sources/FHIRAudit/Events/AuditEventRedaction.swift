public import FHIRModel

/// The views of audit records that are shown to people other than auditors.
public enum AuditEventRedaction {
    /// The record as a patient sees it in their accounting of disclosures: who (the client's
    /// id and name, the user's fhirUser and role, the Organization, the server), when, what
    /// (type, subtype, action, outcome), for what purpose, and only their own patient entity.
    ///
    /// Removed: other patients' entities and every other entity (resources, the query bytes,
    /// the request and Kiln's details, Consents, tokens), network addresses, token ids
    /// (`policy`, the token's own agent), the user's subject, `outcomeDesc` and `meta` (the
    /// redacted view conforms to no BALP profile). Pure.
    ///
    /// - Parameters:
    ///   - auditEvent: an AuditEvent Kiln recorded.
    ///   - patientID: the patient, as `ID` or `Patient/ID`.
    /// - Returns: the redacted AuditEvent, or nil when the record is not about that patient.
    public static func forPatient(_ auditEvent: JSONValue, patientID: String) -> JSONValue? {
        guard let event = auditEvent.objectValue, event["resourceType"]?.stringValue == "AuditEvent" else { return nil }
        let reference = patientID.hasPrefix("Patient/") ? patientID : "Patient/" + patientID
        guard let patientEntity = (event["entity"]?.arrayValue ?? []).first(where: { isPatientEntity($0, reference: reference) }) else {
            return nil
        }
        var redacted = JSONObject(minimumCapacity: 12)
        for (key, value) in event {
            switch key {
            case "resourceType", "id", "type", "subtype", "action", "period", "recorded", "outcome", "purposeOfEvent":
                redacted.appendNew(key, value)
            case "agent":
                redacted.appendNew(key, .array((value.arrayValue ?? []).compactMap(redactedAgent)))
            case "source":
                redacted.appendNew(key, keeping(["observer", "type"], of: value))
            case "entity":
                redacted.appendNew(key, [keeping(["what", "type", "role"], of: patientEntity)])
            default:
                continue
            }
        }
        return .object(redacted)
    }

    /// Whether an entity is the patient entity of `reference`.
    private static func isPatientEntity(_ entity: JSONValue, reference: String) -> Bool {
        entity["what"]?["reference"]?.stringValue == reference
            && entity["role"]?["code"]?.stringValue == "1"
            && entity["type"]?["code"]?.stringValue == "1"
    }

    /// An agent without its network, token ids and other internal details; the requestor's
    /// `who` without its identifier (the login subject). The token's own agent is dropped.
    private static func redactedAgent(_ agent: JSONValue) -> JSONValue? {
        let codings = agent["type"]?["coding"]?.arrayValue ?? []
        if !codings.isEmpty, codings.allSatisfy({ $0["system"]?.stringValue == AuditCodes.balpUserAgentType }) { return nil }
        let isRequestor = agent["requestor"]?.boolValue == true
        var redacted = JSONObject(minimumCapacity: 5)
        for (key, value) in agent.objectValue ?? JSONObject() {
            switch key {
            case "type":
                let kept = codings.filter { $0["system"]?.stringValue != AuditCodes.balpUserAgentType }
                if !kept.isEmpty { redacted.appendNew(key, ["coding": .array(kept)]) }
            case "role", "name", "requestor", "purposeOfUse":
                redacted.appendNew(key, value)
            case "who":
                let who = isRequestor ? keeping(["reference", "type", "display"], of: value) : keeping(["reference", "type", "identifier", "display"], of: value)
                if who.objectValue?.isEmpty == false { redacted.appendNew(key, who) }
            default:
                continue
            }
        }
        return .object(redacted)
    }

    /// The members `keys` of an object, in its order.
    private static func keeping(_ keys: Set<String>, of value: JSONValue) -> JSONValue {
        var kept = JSONObject()
        for (key, member) in value.objectValue ?? JSONObject() where keys.contains(key) { kept.appendNew(key, member) }
        return .object(kept)
    }
}
