import FHIRModel

/// Turns a StructureDefinition of the specification into a ``TypeDefinition``, keeping what Kiln
/// reads from its snapshot and dropping the rest (descriptions, mappings, comments).
enum StructureDefinitionReader {
    /// The extension on a type that names the FHIR type a FHIRPath system type stands for.
    static let fhirTypeExtension = "http://hl7.org/fhir/StructureDefinition/structuredefinition-fhir-type"
    /// The extension on a type that gives the regular expression of a primitive value.
    static let regexExtension = "http://hl7.org/fhir/StructureDefinition/regex"
    /// The extension on a constraint that marks it as best practice.
    static let bestPracticeExtension = "http://hl7.org/fhir/StructureDefinition/elementdefinition-bestpractice"

    /// Whether a definition belongs in the type model: every resource and datatype the
    /// specification defines, and the constrained datatypes named in `constrainedDataTypes`;
    /// not logical models, extensions or profiles.
    static func isIncluded(kind: TypeKind, derivation: TypeDerivation?, name: String, constrainedDataTypes: Set<String>) -> Bool {
        switch (kind, derivation) {
        case (.logical, _): false
        case (_, .constraint): kind == .complexType && constrainedDataTypes.contains(name)
        default: true
        }
    }

    /// The type a StructureDefinition defines, or nil when it is not part of the type model.
    static func type(from value: JSONValue, file: String, constrainedDataTypes: Set<String>) throws(DefinitionsError) -> TypeDefinition? {
        let fields = try JSONFields(value, file: file)
        guard try fields.optionalString("resourceType") == "StructureDefinition" else { return nil }
        let kind = try fields.enumeration("kind", as: TypeKind.self)
        let derivation = try fields.optionalEnumeration("derivation", as: TypeDerivation.self)
        let name = derivation == .constraint ? try fields.string("name") : try fields.string("type")
        guard isIncluded(kind: kind, derivation: derivation, name: name, constrainedDataTypes: constrainedDataTypes) else { return nil }
        guard let snapshot = try fields.optionalObject("snapshot") else {
            throw DefinitionsError(.malformed, "\(file): \(name) has no snapshot")
        }
        let elements = try snapshot.objects("element").map { (element) throws(DefinitionsError) in try self.element(from: element) }
        return TypeDefinition(
            name: name,
            kind: kind,
            isAbstract: try fields.flag("abstract"),
            derivation: derivation,
            baseTypeName: try fields.optionalString("baseDefinition").map(lastSegment),
            url: try fields.string("url"),
            elements: elements
        )
    }

    private static func element(from fields: JSONFields) throws(DefinitionsError) -> ElementDefinition {
        let path = try fields.string("path")
        let located = fields.named(path)
        return ElementDefinition(
            path: path,
            min: try located.optionalInt("min") ?? 0,
            max: try ElementCardinality.max(try located.optionalString("max") ?? "*", in: located),
            types: try located.objects("type").map { (type) throws(DefinitionsError) in try elementType(from: type) },
            contentReference: try located.optionalString("contentReference"),
            binding: try binding(from: located.optionalObject("binding")),
            isSummary: try located.flag("isSummary"),
            isModifier: try located.flag("isModifier"),
            constraints: try located.objects("constraint").map { (constraint) throws(DefinitionsError) in try self.constraint(from: constraint) }
        )
    }

    private static func elementType(from fields: JSONFields) throws(DefinitionsError) -> ElementType {
        let extensions = try fields.objects("extension")
        return ElementType(
            code: try fields.string("code"),
            targetProfiles: try fields.strings("targetProfile"),
            profiles: try fields.strings("profile"),
            fhirType: try extensionString(extensions, fhirTypeExtension),
            regex: try extensionString(extensions, regexExtension)
        )
    }

    private static func binding(from fields: JSONFields?) throws(DefinitionsError) -> ElementBinding? {
        guard let fields else { return nil }
        return ElementBinding(strength: try fields.enumeration("strength", as: BindingStrength.self), valueSet: try fields.optionalString("valueSet"))
    }

    private static func constraint(from fields: JSONFields) throws(DefinitionsError) -> ElementConstraint {
        let extensions = try fields.objects("extension")
        let bestPractice = try extensions.first { (try? $0.string("url")) == bestPracticeExtension }?.optionalBool("valueBoolean")
        return ElementConstraint(
            key: try fields.string("key"),
            severity: try fields.enumeration("severity", as: ConstraintSeverity.self),
            human: try fields.string("human"),
            expression: try fields.optionalString("expression"),
            source: try fields.optionalString("source"),
            isBestPractice: bestPractice ?? false
        )
    }

    /// The string value (`valueUrl`, `valueUri`, `valueString` or `valueCode`) of the extension `url`.
    private static func extensionString(_ extensions: [JSONFields], _ url: String) throws(DefinitionsError) -> String? {
        for fields in extensions where try fields.optionalString("url") == url {
            for key in ["valueUrl", "valueUri", "valueString", "valueCode"] {
                if let value = try fields.optionalString(key) { return value }
            }
        }
        return nil
    }

    private static func lastSegment(_ url: String) -> String {
        guard let slash = url.lastIndex(of: "/") else { return url }
        return String(url[url.index(after: slash)...])
    }
}
