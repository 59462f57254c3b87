import FHIRModel

/// The compiled form of the type model (`types.json`): the types in name order with their
/// elements in snapshot order, and the invariants in one shared table that elements refer to by
/// index (`ele-1` alone appears on some 7,000 elements).
enum TypeModelCoding {
    /// The JSON of `types`.
    static func json(_ types: [TypeDefinition]) -> JSONValue {
        var table = ConstraintTable()
        let typeValues = types.map { json($0, table: &table) }
        return [
            "formatVersion": .number(JSONNumber(DefinitionsManifest.currentFormatVersion)),
            "constraints": .array(table.constraints.map(json)),
            "types": .array(typeValues),
        ]
    }

    /// The types in compiled JSON; `file` names the file in errors.
    static func types(from value: JSONValue, file: String) throws(DefinitionsError) -> [TypeDefinition] {
        let fields = try JSONFields(value, file: file)
        let constraints = try fields.objects("constraints").map { (object) throws(DefinitionsError) in try constraint(from: object) }
        return try fields.objects("types").map { (object) throws(DefinitionsError) in try type(from: object, constraints: constraints) }
    }

    /// The number of distinct invariants in the compiled form of `types`.
    static func distinctConstraintCount(_ types: [TypeDefinition]) -> Int {
        var table = ConstraintTable()
        for type in types {
            for element in type.elements {
                for constraint in element.constraints { _ = table.index(of: constraint) }
            }
        }
        return table.constraints.count
    }

    // MARK: Writing

    private static func json(_ type: TypeDefinition, table: inout ConstraintTable) -> JSONValue {
        var object = JSONObject()
        object["name"] = .string(type.name)
        object["kind"] = .string(type.kind.rawValue)
        if type.isAbstract { object["abstract"] = true }
        if let derivation = type.derivation { object["derivation"] = .string(derivation.rawValue) }
        if let base = type.baseTypeName { object["base"] = .string(base) }
        object["url"] = .string(type.url)
        object["elements"] = .array(type.elements.map { json($0, table: &table) })
        return .object(object)
    }

    private static func json(_ element: ElementDefinition, table: inout ConstraintTable) -> JSONValue {
        var object = JSONObject()
        object["path"] = .string(element.path)
        object["min"] = .number(JSONNumber(element.min))
        object["max"] = .string(element.max.map(String.init) ?? "*")
        if !element.types.isEmpty { object["type"] = .array(element.types.map(json)) }
        if let reference = element.contentReference { object["contentReference"] = .string(reference) }
        if let binding = element.binding {
            var bindingObject = JSONObject()
            bindingObject["strength"] = .string(binding.strength.rawValue)
            if let valueSet = binding.valueSet { bindingObject["valueSet"] = .string(valueSet) }
            object["binding"] = .object(bindingObject)
        }
        if element.isSummary { object["isSummary"] = true }
        if element.isModifier { object["isModifier"] = true }
        if !element.constraints.isEmpty {
            object["constraint"] = .array(element.constraints.map { .number(JSONNumber(table.index(of: $0))) })
        }
        return .object(object)
    }

    private static func json(_ type: ElementType) -> JSONValue {
        var object = JSONObject()
        object["code"] = .string(type.code)
        if !type.targetProfiles.isEmpty { object["targetProfile"] = .array(type.targetProfiles.map { .string($0) }) }
        if !type.profiles.isEmpty { object["profile"] = .array(type.profiles.map { .string($0) }) }
        if let fhirType = type.fhirType { object["fhirType"] = .string(fhirType) }
        if let regex = type.regex { object["regex"] = .string(regex) }
        return .object(object)
    }

    private static func json(_ constraint: ElementConstraint) -> JSONValue {
        var object = JSONObject()
        object["key"] = .string(constraint.key)
        object["severity"] = .string(constraint.severity.rawValue)
        object["human"] = .string(constraint.human)
        if let expression = constraint.expression { object["expression"] = .string(expression) }
        if let source = constraint.source { object["source"] = .string(source) }
        if constraint.isBestPractice { object["bestPractice"] = true }
        return .object(object)
    }

    // MARK: Reading

    private static func type(from fields: JSONFields, constraints: [ElementConstraint]) throws(DefinitionsError) -> TypeDefinition {
        let name = try fields.string("name")
        let located = fields.named(name)
        let elements = try located.objects("elements").map { (object) throws(DefinitionsError) in try element(from: object, constraints: constraints) }
        return TypeDefinition(
            name: name,
            kind: try located.enumeration("kind", as: TypeKind.self),
            isAbstract: try located.flag("abstract"),
            derivation: try located.optionalEnumeration("derivation", as: TypeDerivation.self),
            baseTypeName: try located.optionalString("base"),
            url: try located.string("url"),
            elements: elements
        )
    }

    private static func element(from unnamed: JSONFields, constraints: [ElementConstraint]) throws(DefinitionsError) -> ElementDefinition {
        let path = try unnamed.string("path")
        let fields = unnamed.named(path)
        var elementConstraints: [ElementConstraint] = []
        for value in try fields.array("constraint") {
            guard let index = value.numberValue?.intValue, constraints.indices.contains(index) else {
                throw fields.invalid("constraint", "\(value.jsonString) is not an index into the constraint table")
            }
            elementConstraints.append(constraints[index])
        }
        return ElementDefinition(
            path: path,
            min: try fields.int("min"),
            max: try ElementCardinality.max(try fields.string("max"), in: fields),
            types: try fields.objects("type").map { (object) throws(DefinitionsError) in try elementType(from: object) },
            contentReference: try fields.optionalString("contentReference"),
            binding: try binding(from: fields.optionalObject("binding")),
            isSummary: try fields.flag("isSummary"),
            isModifier: try fields.flag("isModifier"),
            constraints: elementConstraints
        )
    }

    private static func elementType(from fields: JSONFields) throws(DefinitionsError) -> ElementType {
        ElementType(
            code: try fields.string("code"),
            targetProfiles: try fields.strings("targetProfile"),
            profiles: try fields.strings("profile"),
            fhirType: try fields.optionalString("fhirType"),
            regex: try fields.optionalString("regex")
        )
    }

    private static func binding(from fields: JSONFields?) throws(DefinitionsError) -> ElementBinding? {
        guard let fields else { return nil }
        return ElementBinding(strength: try fields.enumeration("strength", as: BindingStrength.self), valueSet: try fields.optionalString("valueSet"))
    }

    private static func constraint(from fields: JSONFields) throws(DefinitionsError) -> ElementConstraint {
        ElementConstraint(
            key: try fields.string("key"),
            severity: try fields.enumeration("severity", as: ConstraintSeverity.self),
            human: try fields.string("human"),
            expression: try fields.optionalString("expression"),
            source: try fields.optionalString("source"),
            isBestPractice: try fields.flag("bestPractice")
        )
    }
}
