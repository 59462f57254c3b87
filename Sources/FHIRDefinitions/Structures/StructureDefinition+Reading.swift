public import FHIRModel

extension StructureDefinition {
    /// Reads a FHIR StructureDefinition resource, keeping the parts validation needs.
    ///
    /// Throws ``DefinitionsError`` (`.malformed`) when the resource is no StructureDefinition or
    /// lacks `url`, `type` or `kind`, or when an element lacks its `path`.
    public init(json: JSONValue) throws(DefinitionsError) {
        guard let object = json.objectValue, object["resourceType"]?.stringValue == "StructureDefinition" else {
            throw DefinitionsError(.malformed, "Expected a StructureDefinition resource")
        }
        guard let url = object["url"]?.stringValue else {
            throw DefinitionsError(.malformed, "The StructureDefinition has no url")
        }
        guard let type = object["type"]?.stringValue else {
            throw DefinitionsError(.malformed, "The StructureDefinition \(url) has no type")
        }
        guard let kindText = object["kind"]?.stringValue, let kind = TypeKind(rawValue: kindText) else {
            throw DefinitionsError(.malformed, "The StructureDefinition \(url) has no valid kind")
        }
        var contexts: [ExtensionContext] = []
        for context in object["context"]?.arrayValue ?? [] {
            guard let expression = context["expression"]?.stringValue else { continue }
            let contextKind = context["type"]?.stringValue.flatMap(ExtensionContext.Kind.init(rawValue:)) ?? .element
            contexts.append(ExtensionContext(kind: contextKind, expression: expression))
        }
        self.init(
            url: url,
            version: object["version"]?.stringValue,
            name: object["name"]?.stringValue ?? type,
            title: object["title"]?.stringValue,
            status: object["status"]?.stringValue,
            kind: kind,
            isAbstract: object["abstract"]?.boolValue ?? false,
            type: type,
            baseDefinition: object["baseDefinition"]?.stringValue,
            derivation: object["derivation"]?.stringValue.flatMap(TypeDerivation.init(rawValue:)),
            contexts: contexts,
            contextInvariants: (object["contextInvariant"]?.arrayValue ?? []).compactMap(\.stringValue),
            snapshot: try Self.readElements(object["snapshot"]?["element"], in: url),
            differential: try Self.readElements(object["differential"]?["element"], in: url)
        )
    }

    private static func readElements(_ value: JSONValue?, in url: String) throws(DefinitionsError) -> [StructureElement] {
        guard let array = value?.arrayValue else { return [] }
        var elements: [StructureElement] = []
        elements.reserveCapacity(array.count)
        for item in array {
            guard let object = item.objectValue else {
                throw DefinitionsError(.malformed, "\(url): an element is not an object")
            }
            elements.append(try StructureElement(json: object, in: url))
        }
        return elements
    }
}

extension StructureElement {
    /// Reads one ElementDefinition of the StructureDefinition `url`.
    public init(json object: JSONObject, in url: String) throws(DefinitionsError) {
        guard let path = object["path"]?.stringValue else {
            throw DefinitionsError(.malformed, "\(url): an element has no path")
        }
        let sliceName = object["sliceName"]?.stringValue
        let id = object["id"]?.stringValue ?? (sliceName.map { "\(path):\($0)" } ?? path)
        var fixed: TypedValue?
        var pattern: TypedValue?
        var minValue: TypedValue?
        var maxValue: TypedValue?
        for (key, value) in object {
            if key.hasPrefix("fixed") { fixed = TypedValue(typeName: Self.typeName(after: "fixed", in: key), value: value) }
            else if key.hasPrefix("pattern") { pattern = TypedValue(typeName: Self.typeName(after: "pattern", in: key), value: value) }
            else if key.hasPrefix("minValue") { minValue = TypedValue(typeName: Self.typeName(after: "minValue", in: key), value: value) }
            else if key.hasPrefix("maxValue") { maxValue = TypedValue(typeName: Self.typeName(after: "maxValue", in: key), value: value) }
        }
        var slicing: ElementSlicing?
        if let slicingObject = object["slicing"]?.objectValue {
            let discriminators = (slicingObject["discriminator"]?.arrayValue ?? []).compactMap { item -> SlicingDiscriminator? in
                guard let kind = item["type"]?.stringValue.flatMap(SlicingDiscriminator.Kind.init(rawValue:)),
                      let path = item["path"]?.stringValue else { return nil }
                return SlicingDiscriminator(kind: kind, path: path)
            }
            slicing = ElementSlicing(
                discriminators: discriminators,
                ordered: slicingObject["ordered"]?.boolValue ?? false,
                rules: slicingObject["rules"]?.stringValue.flatMap(ElementSlicing.Rules.init(rawValue:)) ?? .open,
                description: slicingObject["description"]?.stringValue
            )
        }
        var base: ElementBase?
        if let baseObject = object["base"]?.objectValue, let basePath = baseObject["path"]?.stringValue {
            base = ElementBase(
                path: basePath,
                min: baseObject["min"]?.numberValue.flatMap { Int($0.text) } ?? 0,
                max: baseObject["max"]?.stringValue ?? "*"
            )
        }
        let types = (object["type"]?.arrayValue ?? []).compactMap { item -> StructureElementType? in
            guard var code = item["code"]?.stringValue else { return nil }
            // System types (`Resource.id`, `Extension.url`) say which FHIR type they stand for.
            if code.hasPrefix("http://hl7.org/fhirpath/"),
               let fhirType = (item["extension"]?.arrayValue ?? []).first(where: {
                   $0["url"]?.stringValue == "http://hl7.org/fhir/StructureDefinition/structuredefinition-fhir-type"
               }).flatMap({ $0["valueUrl"]?.stringValue ?? $0["valueUri"]?.stringValue }) {
                code = fhirType
            }
            return StructureElementType(
                code: code,
                profiles: (item["profile"]?.arrayValue ?? []).compactMap(\.stringValue),
                targetProfiles: (item["targetProfile"]?.arrayValue ?? []).compactMap(\.stringValue),
                aggregation: (item["aggregation"]?.arrayValue ?? []).compactMap(\.stringValue),
                versioning: item["versioning"]?.stringValue
            )
        }
        let constraints = (object["constraint"]?.arrayValue ?? []).compactMap { item -> ElementConstraint? in
            guard let key = item["key"]?.stringValue else { return nil }
            let bestPractice = (item["extension"]?.arrayValue ?? []).contains {
                $0["url"]?.stringValue == "http://hl7.org/fhir/StructureDefinition/elementdefinition-bestpractice"
                    && $0["valueBoolean"]?.boolValue == true
            }
            return ElementConstraint(
                key: key,
                severity: item["severity"]?.stringValue.flatMap(ConstraintSeverity.init(rawValue:)) ?? .error,
                human: item["human"]?.stringValue ?? key,
                expression: item["expression"]?.stringValue,
                source: item["source"]?.stringValue,
                isBestPractice: bestPractice
            )
        }
        var binding: StructureBinding?
        if let bindingObject = object["binding"]?.objectValue,
           let strength = bindingObject["strength"]?.stringValue.flatMap(BindingStrength.init(rawValue:)) {
            binding = StructureBinding(
                strength: strength,
                valueSet: bindingObject["valueSet"]?.stringValue,
                description: bindingObject["description"]?.stringValue
            )
        }
        self.init(
            id: id,
            path: path,
            sliceName: sliceName,
            slicing: slicing,
            min: object["min"]?.numberValue.flatMap { Int($0.text) },
            max: object["max"]?.stringValue,
            base: base,
            types: types,
            contentReference: object["contentReference"]?.stringValue,
            fixed: fixed,
            pattern: pattern,
            minValue: minValue,
            maxValue: maxValue,
            maxLength: object["maxLength"]?.numberValue.flatMap { Int($0.text) },
            conditions: (object["condition"]?.arrayValue ?? []).compactMap(\.stringValue),
            constraints: constraints,
            binding: binding,
            mustSupport: object["mustSupport"]?.boolValue,
            isModifier: object["isModifier"]?.boolValue,
            isSummary: object["isSummary"]?.boolValue,
            short: object["short"]?.stringValue
        )
    }

    private static func typeName(after prefix: String, in key: String) -> String {
        let rest = key.dropFirst(prefix.count)
        guard let first = rest.first else { return "" }
        // Primitive type names start lower case (`fixedCode` → `code`); complex ones keep theirs.
        let lowered = first.lowercased() + rest.dropFirst()
        return Self.primitiveTypeNames.contains(lowered) ? lowered : String(rest)
    }

    private static let primitiveTypeNames: Set<String> = [
        "base64Binary", "boolean", "canonical", "code", "date", "dateTime", "decimal", "id", "instant",
        "integer", "markdown", "oid", "positiveInt", "string", "time", "unsignedInt", "uri", "url", "uuid",
    ]
}
