import FHIRModel
import Foundation

/// One AuditEvent assembled from its parts, in FHIR's member order, with what its index needs.
struct BuiltAuditEvent {
    let id: String
    let shape: AuditEventShape
    let outcome: String
    /// The AuditEvent.
    let json: JSONValue
    /// The references the index lists as entities.
    let indexedEntities: [String]

    init(facts: AuditEventFacts, id: String, shape: AuditEventShape, outcome: String, profiles: [BALPProfile],
         parties: AuditEventParties, agents: [JSONValue], entities: [JSONValue], indexedEntities: [String]) {
        self.id = id
        self.shape = shape
        self.outcome = outcome
        self.indexedEntities = indexedEntities
        var event = JSONObject(minimumCapacity: 14)
        event.appendNew("resourceType", "AuditEvent")
        event.appendNew("id", .string(id))
        if !profiles.isEmpty {
            event.appendNew("meta", AuditJSON.object(["profile": .array(profiles.map { .string($0.url) })]))
        }
        event.appendNew("type", shape.type)
        event.appendNew("subtype", shape.subtypes)
        event.appendNew("action", .string(shape.action))
        event.appendNew("recorded", .string(FHIRInstant.format(facts.recorded)))
        event.appendNew("outcome", .string(outcome))
        if let description = facts.outcomeDescription, !description.isEmpty {
            event.appendNew("outcomeDesc", .string(description))
        }
        if let purpose = parties.purposeOfUse {
            event.appendNew("purposeOfEvent", [purpose])
        }
        event.appendNew("agent", .array(agents))
        var source = JSONObject(minimumCapacity: 2)
        source.appendNew("observer", parties.server)
        source.appendNew("type", [AuditCodes.applicationServer])
        event.appendNew("source", .object(source))
        if !entities.isEmpty {
            event.appendNew("entity", .array(entities))
        }
        self.json = .object(event)
    }

    /// The record: the canonical bytes and the index values, none holding U+001F.
    func record(_ facts: AuditEventFacts) -> AuditRecord {
        let caller = facts.caller
        var agents: [String] = []
        for value in [caller.clientID, caller.subject, caller.fhirUser] {
            guard let value, !value.isEmpty else { continue }
            let clean = AuditIndexValue.clean(value)
            if !agents.contains(clean) { agents.append(clean) }
        }
        return AuditRecord(
            id: AuditIndexValue.clean(id),
            recorded: facts.recorded,
            canonical: JSONSerializer().serialize(json),
            typeCode: shape.typeCode,
            subtypes: shape.subtypeCodes,
            action: shape.action,
            outcome: outcome,
            patients: facts.patients.map { AuditIndexValue.clean(AuditEventBuilder.patientReference($0)) },
            agents: agents,
            purposes: caller.purposeOfUse.map { [AuditIndexValue.clean($0)] } ?? [],
            entities: indexedEntities.map(AuditIndexValue.clean)
        )
    }
}
