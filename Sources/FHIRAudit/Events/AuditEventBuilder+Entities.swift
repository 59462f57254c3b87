import FHIRModel
import Foundation

extension AuditEventBuilder {
    /// The entities of a record: the patients, the resources, the search, the token (for
    /// authorization events) and the request with Kiln's details.
    func entities(_ facts: AuditEventFacts, shape: AuditEventShape) -> [JSONValue] {
        var entities: [JSONValue] = []
        entities.reserveCapacity(facts.patients.count + facts.entities.count + 2)
        for patient in facts.patients { entities.append(Self.patientEntity(patient)) }
        switch shape.layout {
        case .rest, .disclosure, .application:
            var results = ResultTypes()
            for reference in facts.entities {
                let type = shape.entitiesAreResults ? results.type(ofReference: reference) : AuditCodes.systemObject
                entities.append(Self.resourceEntity(reference, type: type, role: AuditCodes.domainResourceRole))
            }
        case .authentication, .administration, .authorization:
            if shape.layout == .authentication, let token = facts.caller.tokenID {
                entities.append(AuditJSON.object([
                    "what": AuditJSON.identified(AuditCodes.jtiPrefix + token),
                    "type": AuditCodes.systemObject,
                    "role": AuditCodes.securityResourceRole,
                ]))
            }
            for reference in facts.entities {
                entities.append(Self.resourceEntity(reference, type: AuditCodes.systemObject, role: AuditCodes.securityResourceRole))
            }
        }
        if case .search(let query) = facts.kind {
            entities.append(AuditJSON.object([
                "type": AuditCodes.systemObject,
                "role": AuditCodes.queryRole,
                "query": .string(Data(query).base64EncodedString()),
            ]))
        }
        if !facts.requestID.isEmpty {
            entities.append(AuditJSON.object([
                "what": AuditJSON.identified(facts.requestID),
                "type": AuditCodes.requestID,
                "detail": .array(Self.details(facts)),
            ]))
        }
        return entities
    }

    /// The entities of a consent decision (BALP AuthZconsent closes them to these): the
    /// patients, the Consents that decided (or Kiln's default policy) with Kiln's details and
    /// the request id, and the token.
    func decisionEntities(_ facts: AuditEventFacts) -> [JSONValue] {
        var entities: [JSONValue] = []
        entities.reserveCapacity(facts.patients.count + facts.consentReferences.count + 2)
        for patient in facts.patients { entities.append(Self.patientEntity(patient)) }
        var details: [JSONValue] = []
        if !facts.requestID.isEmpty { details.append(AuditJSON.detail(AuditCodes.requestDetail, facts.requestID)) }
        details.append(contentsOf: Self.details(facts))
        let consents: [JSONValue] = facts.consentReferences.isEmpty
            ? [AuditJSON.object(["display": "Kiln default consent policy"])]
            : facts.consentReferences.map(AuditJSON.reference)
        for (position, what) in consents.enumerated() {
            var entity = JSONObject(minimumCapacity: 3)
            entity.appendNew("what", what)
            entity.appendNew("type", AuditCodes.consentEntity)
            if position == 0 { entity.appendNew("detail", .array(details)) }
            entities.append(.object(entity))
        }
        if let token = facts.caller.tokenID {
            entities.append(AuditJSON.object([
                "what": AuditJSON.identified(AuditCodes.jtiPrefix + token),
                "type": AuditCodes.oauthTokenEntity,
            ]))
        }
        return entities
    }

    /// `Patient/ID` for a patient given as `Patient/ID` or as `ID`.
    static func patientReference(_ patient: String) -> String {
        patient.hasPrefix("Patient/") ? patient : "Patient/" + patient
    }

    private static func patientEntity(_ patient: String) -> JSONValue {
        AuditJSON.object([
            "what": AuditJSON.reference(patientReference(patient)),
            "type": AuditCodes.person,
            "role": AuditCodes.patientRole,
        ])
    }

    private static func resourceEntity(_ reference: String, type: JSONValue, role: JSONValue) -> JSONValue {
        AuditJSON.object(["what": AuditJSON.reference(reference), "type": type, "role": role])
    }

    /// Kiln's facts of the request: the view, the research project, the consent decision, the
    /// operation and the administrative action.
    private static func details(_ facts: AuditEventFacts) -> [JSONValue] {
        var details: [JSONValue] = [AuditJSON.detail(AuditCodes.viewDetail, facts.view.code)]
        if case .research(let project) = facts.view { details.append(AuditJSON.detail(AuditCodes.projectDetail, project)) }
        if facts.consent != .notApplicable { details.append(AuditJSON.detail(AuditCodes.consentDetail, facts.consent.rawValue)) }
        switch facts.kind {
        case .operation(let name): details.append(AuditJSON.detail(AuditCodes.operationDetail, name))
        case .consentDecision: details.append(AuditJSON.detail(AuditCodes.operationDetail, "$consent-decision"))
        case .administration(let action): details.append(AuditJSON.detail(AuditCodes.administrationDetail, action))
        default: break
        }
        return details
    }
}

/// The resource-types Codings of a search's results, made once per type: results mostly share one.
private struct ResultTypes {
    private var last: (name: Substring, coding: JSONValue)?

    /// The Coding of the type `reference` names (`Observation/12` → `Observation`), or `Other`.
    mutating func type(ofReference reference: String) -> JSONValue {
        let name = reference.prefix { $0 != "/" }
        if let last, last.name == name { return last.coding }
        let coding = AuditCodes.entityType(named: name)
        last = (name, coding)
        return coding
    }
}
