public import FHIRModel

extension StructureDefinition {
    /// The definition as a FHIR StructureDefinition resource holding only what the model keeps:
    /// what ``init(json:)`` reads back into an equal value.
    ///
    /// The snapshot is written when there is one; the differential only when
    /// `includeDifferential` is true (compiled files leave it out to stay small).
    public func jsonValue(includeDifferential: Bool = true) -> JSONValue {
        var members: [JSONObject.Member] = [("resourceType", "StructureDefinition"), ("url", .string(url))]
        if let version { members.append(("version", .string(version))) }
        members.append(("name", .string(name)))
        if let title { members.append(("title", .string(title))) }
        if let status { members.append(("status", .string(status))) }
        members.append(("kind", .string(kind.rawValue)))
        members.append(("abstract", .bool(isAbstract)))
        if !contexts.isEmpty {
            members.append(("context", .array(contexts.map { context in
                .object(JSONObject([("type", .string(context.kind.rawValue)), ("expression", .string(context.expression))]))
            })))
        }
        if !contextInvariants.isEmpty { members.append(("contextInvariant", .array(contextInvariants.map(JSONValue.string)))) }
        members.append(("type", .string(type)))
        if let baseDefinition { members.append(("baseDefinition", .string(baseDefinition))) }
        if let derivation { members.append(("derivation", .string(derivation.rawValue))) }
        if !snapshot.isEmpty {
            members.append(("snapshot", .object(JSONObject([("element", .array(snapshot.map(\.jsonValue)))]))))
        }
        if includeDifferential && !differential.isEmpty {
            members.append(("differential", .object(JSONObject([("element", .array(differential.map(\.jsonValue)))]))))
        }
        return .object(JSONObject(members))
    }
}

extension StructureElement {
    /// The element as a FHIR ElementDefinition holding only what the model keeps.
    public var jsonValue: JSONValue {
        var members: [JSONObject.Member] = [("id", .string(id)), ("path", .string(path))]
        if let sliceName { members.append(("sliceName", .string(sliceName))) }
        if let slicing { members.append(("slicing", slicing.jsonValue)) }
        if let short { members.append(("short", .string(short))) }
        if let min { members.append(("min", .number(JSONNumber(min)))) }
        if let max { members.append(("max", .string(max))) }
        if let base {
            members.append(("base", .object(JSONObject([
                ("path", .string(base.path)), ("min", .number(JSONNumber(base.min))), ("max", .string(base.max)),
            ]))))
        }
        if let contentReference { members.append(("contentReference", .string(contentReference))) }
        if !types.isEmpty { members.append(("type", .array(types.map(\.jsonValue)))) }
        if let fixed { members.append(fixed.member(prefix: "fixed")) }
        if let pattern { members.append(pattern.member(prefix: "pattern")) }
        if let minValue { members.append(minValue.member(prefix: "minValue")) }
        if let maxValue { members.append(maxValue.member(prefix: "maxValue")) }
        if let maxLength { members.append(("maxLength", .number(JSONNumber(maxLength)))) }
        if !conditions.isEmpty { members.append(("condition", .array(conditions.map(JSONValue.string)))) }
        if !constraints.isEmpty { members.append(("constraint", .array(constraints.map(Self.constraintJSON)))) }
        if let mustSupport { members.append(("mustSupport", .bool(mustSupport))) }
        if let isModifier { members.append(("isModifier", .bool(isModifier))) }
        if let isSummary { members.append(("isSummary", .bool(isSummary))) }
        if let binding { members.append(("binding", binding.jsonValue)) }
        return .object(JSONObject(members))
    }

    private static func constraintJSON(_ constraint: ElementConstraint) -> JSONValue {
        var members: [JSONObject.Member] = []
        if constraint.isBestPractice {
            members.append(("extension", [[
                "url": "http://hl7.org/fhir/StructureDefinition/elementdefinition-bestpractice",
                "valueBoolean": true,
            ]]))
        }
        members.append(("key", .string(constraint.key)))
        members.append(("severity", .string(constraint.severity.rawValue)))
        members.append(("human", .string(constraint.human)))
        if let expression = constraint.expression { members.append(("expression", .string(expression))) }
        if let source = constraint.source { members.append(("source", .string(source))) }
        return .object(JSONObject(members))
    }
}

extension StructureElementType {
    /// The type as an ElementDefinition.type item.
    public var jsonValue: JSONValue {
        var members: [JSONObject.Member] = [("code", .string(code))]
        if !profiles.isEmpty { members.append(("profile", .array(profiles.map(JSONValue.string)))) }
        if !targetProfiles.isEmpty { members.append(("targetProfile", .array(targetProfiles.map(JSONValue.string)))) }
        if !aggregation.isEmpty { members.append(("aggregation", .array(aggregation.map(JSONValue.string)))) }
        if let versioning { members.append(("versioning", .string(versioning))) }
        return .object(JSONObject(members))
    }
}

extension ElementSlicing {
    /// The slicing as an ElementDefinition.slicing object.
    public var jsonValue: JSONValue {
        var members: [JSONObject.Member] = []
        if !discriminators.isEmpty {
            members.append(("discriminator", .array(discriminators.map { discriminator in
                .object(JSONObject([("type", .string(discriminator.kind.rawValue)), ("path", .string(discriminator.path))]))
            })))
        }
        if let description { members.append(("description", .string(description))) }
        members.append(("ordered", .bool(ordered)))
        members.append(("rules", .string(rules.rawValue)))
        return .object(JSONObject(members))
    }
}

extension StructureBinding {
    /// The binding as an ElementDefinition.binding object.
    public var jsonValue: JSONValue {
        var members: [JSONObject.Member] = [("strength", .string(strength.rawValue))]
        if let description { members.append(("description", .string(description))) }
        if let valueSet { members.append(("valueSet", .string(valueSet))) }
        return .object(JSONObject(members))
    }
}

extension TypedValue {
    /// The `[x]` property name for this value after `prefix`: `fixed` and `code` give `fixedCode`.
    public func propertyName(prefix: String) -> String {
        guard let first = typeName.first else { return prefix }
        return prefix + first.uppercased() + typeName.dropFirst()
    }

    func member(prefix: String) -> JSONObject.Member {
        (propertyName(prefix: prefix), value)
    }
}
