import FHIRModel

/// Reads and writes search parameters as SearchParameter JSON: the specification's resources
/// and the compiled file (`search-parameters.json`) use the same members, the compiled one
/// keeping only those Kiln reads.
enum SearchParameterCoding {
    /// The parameter in a SearchParameter resource; `location` names it in errors.
    static func parameter(from value: JSONValue, at location: JSONLocation) throws(DefinitionsError) -> SearchParameterDefinition {
        let fields = try JSONFields(value, at: location)
        let url = try fields.string("url")
        let located = fields.named(url)
        return SearchParameterDefinition(
            url: url,
            name: try located.string("name"),
            code: try located.string("code"),
            base: try located.strings("base"),
            type: try located.enumeration("type", as: SearchParameterType.self),
            expression: try located.optionalString("expression"),
            xpathUsage: try located.optionalEnumeration("xpathUsage", as: XPathUsage.self),
            targets: try located.strings("target"),
            multipleOr: try located.optionalBool("multipleOr"),
            multipleAnd: try located.optionalBool("multipleAnd"),
            comparators: try enumerations(located, "comparator", as: SearchComparator.self),
            modifiers: try enumerations(located, "modifier", as: SearchModifier.self),
            chains: try located.strings("chain"),
            components: try located.objects("component").map { (component) throws(DefinitionsError) in
                SearchParameterComponent(definition: try component.string("definition"), expression: try component.string("expression"))
            }
        )
    }

    /// The SearchParameter JSON of `parameter`, with only the members Kiln reads.
    static func json(_ parameter: SearchParameterDefinition) -> JSONValue {
        var object = JSONObject()
        object["url"] = .string(parameter.url)
        object["name"] = .string(parameter.name)
        object["code"] = .string(parameter.code)
        object["base"] = strings(parameter.base)
        object["type"] = .string(parameter.type.rawValue)
        if let expression = parameter.expression { object["expression"] = .string(expression) }
        if let usage = parameter.xpathUsage { object["xpathUsage"] = .string(usage.rawValue) }
        if !parameter.targets.isEmpty { object["target"] = strings(parameter.targets) }
        if let multipleOr = parameter.multipleOr { object["multipleOr"] = .bool(multipleOr) }
        if let multipleAnd = parameter.multipleAnd { object["multipleAnd"] = .bool(multipleAnd) }
        if !parameter.comparators.isEmpty { object["comparator"] = strings(parameter.comparators.map(\.rawValue)) }
        if !parameter.modifiers.isEmpty { object["modifier"] = strings(parameter.modifiers.map(\.rawValue)) }
        if !parameter.chains.isEmpty { object["chain"] = strings(parameter.chains) }
        if !parameter.components.isEmpty {
            object["component"] = .array(parameter.components.map { ["definition": .string($0.definition), "expression": .string($0.expression)] })
        }
        return .object(object)
    }

    /// The compiled file's JSON.
    static func json(_ parameters: [SearchParameterDefinition]) -> JSONValue {
        [
            "formatVersion": .number(JSONNumber(DefinitionsManifest.currentFormatVersion)),
            "parameters": .array(parameters.map(json)),
        ]
    }

    /// The parameters of the compiled file.
    static func parameters(from value: JSONValue, file: String) throws(DefinitionsError) -> [SearchParameterDefinition] {
        let fields = try JSONFields(value, file: file)
        return try fields.array("parameters").enumerated().map { (index, parameter) throws(DefinitionsError) in
            try self.parameter(from: parameter, at: .item(.member(.file(file), "parameters"), index))
        }
    }

    private static func enumerations<Value: RawRepresentable>(_ fields: JSONFields, _ key: String, as type: Value.Type) throws(DefinitionsError) -> [Value] where Value.RawValue == String {
        try fields.strings(key).map { (raw) throws(DefinitionsError) in
            guard let value = Value(rawValue: raw) else { throw fields.invalid(key, "'\(raw)' is not a known \(Value.self)") }
            return value
        }
    }

    private static func strings(_ values: [String]) -> JSONValue {
        .array(values.map { .string($0) })
    }
}
