/// One type an element may have (ElementDefinition.type).
///
/// Most elements have one type; choice elements (`value[x]`) have several. The `value` of a
/// primitive type and the `id` of an element carry a FHIRPath system type in ``code``, with the
/// FHIR type they stand for in ``fhirType``:
///
/// ```swift
/// let id = catalog.typeModel.element(path: "Element.id")!.types[0]
/// id.code        // "http://hl7.org/fhirpath/System.String"
/// id.systemType  // "System.String"
/// id.fhirType    // "string"
/// ```
public struct ElementType: Sendable, Hashable {
    /// The prefix of FHIRPath system type codes.
    public static let systemTypePrefix = "http://hl7.org/fhirpath/"

    /// The type code exactly as the definition gives it: a FHIR type name or a FHIRPath system type URL.
    public let code: String
    /// For `Reference` and `canonical`: the profiles the target must conform to.
    public let targetProfiles: [String]
    /// The profiles the value must conform to, such as SimpleQuantity on a Quantity.
    public let profiles: [String]
    /// The FHIR type that a FHIRPath system type code stands for (the `structuredefinition-fhir-type` extension).
    public let fhirType: String?
    /// The regular expression a primitive value must match (the `regex` extension), on primitive `value` elements.
    public let regex: String?

    /// A type with the given parts.
    public init(code: String, targetProfiles: [String] = [], profiles: [String] = [], fhirType: String? = nil, regex: String? = nil) {
        self.code = code
        self.targetProfiles = targetProfiles
        self.profiles = profiles
        self.fhirType = fhirType
        self.regex = regex
    }

    /// The FHIRPath system type, such as `System.String`, when ``code`` is a system type URL.
    public var systemType: String? {
        guard code.hasPrefix(Self.systemTypePrefix) else { return nil }
        return String(code.dropFirst(Self.systemTypePrefix.count))
    }

    /// The FHIR type name: ``fhirType`` when the code is a system type, otherwise the code.
    public var typeName: String {
        if systemType != nil, let fhirType { return fhirType }
        return code
    }

    /// The resource type names of ``targetProfiles`` (their last path segments), such as `Patient`.
    public var targetTypeNames: [String] {
        targetProfiles.map(Self.lastSegment)
    }

    /// The name a choice element takes for this type: `value` and `Quantity` give `valueQuantity`.
    public func choiceName(for baseName: String) -> String {
        let name = typeName
        guard let first = name.first else { return baseName }
        return baseName + first.uppercased() + name.dropFirst()
    }

    private static func lastSegment(_ url: String) -> String {
        guard let slash = url.lastIndex(of: "/") else { return url }
        return String(url[url.index(after: slash)...])
    }
}
