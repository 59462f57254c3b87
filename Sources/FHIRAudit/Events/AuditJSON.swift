import FHIRModel

/// Small builders of the JSON values audit records are made of. Members are appended in the
/// order given (keys are distinct by construction), so a record's bytes depend only on its facts.
enum AuditJSON {
    /// An object with these members, in this order.
    @inline(__always)
    static func object(_ members: KeyValuePairs<String, JSONValue>) -> JSONValue {
        var object = JSONObject(minimumCapacity: members.count)
        for (key, value) in members { object.appendNew(key, value) }
        return .object(object)
    }

    /// A Coding.
    static func coding(_ system: String, _ code: String, _ display: String? = nil) -> JSONValue {
        var object = JSONObject(minimumCapacity: 3)
        object.appendNew("system", .string(system))
        object.appendNew("code", .string(code))
        if let display { object.appendNew("display", .string(display)) }
        return .object(object)
    }

    /// A CodeableConcept of these Codings.
    static func concept(_ codings: JSONValue...) -> JSONValue {
        object(["coding": .array(codings)])
    }

    /// A Reference to `reference` (`Patient/7`).
    static func reference(_ reference: String) -> JSONValue {
        object(["reference": .string(reference)])
    }

    /// A Reference by identifier value alone.
    static func identified(_ value: String) -> JSONValue {
        object(["identifier": object(["value": .string(value)])])
    }

    /// An AuditEvent.entity.detail of a string value.
    static func detail(_ type: String, _ value: String) -> JSONValue {
        object(["type": .string(type), "valueString": .string(value)])
    }
}
