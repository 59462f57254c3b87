public import FHIRModel

/// One element of a StructureDefinition's snapshot or differential (ElementDefinition), with
/// the parts validation and snapshot generation read.
///
/// In a differential most parts are absent (nil or empty), meaning "as in the base".
public struct StructureElement: Sendable, Hashable {
    /// The element id, such as `Observation.category:VSCat.coding.system`.
    public var id: String
    /// The path, such as `Observation.category.coding.system`.
    public var path: String
    /// The name of the slice this element starts, if it starts one.
    public var sliceName: String?
    /// How repetitions of the element are sliced, when it is the slicing entry.
    public var slicing: ElementSlicing?
    /// The least number of times the element must appear; nil when the differential leaves it.
    public var min: Int?
    /// The most number of times, as written: a number or `*`; nil when the differential leaves it.
    public var max: String?
    /// The element in the base type this one constrains: its path, min and max.
    public var base: ElementBase?
    /// The types allowed.
    public var types: [StructureElementType]
    /// `#Path` of an element whose definition this one reuses.
    public var contentReference: String?
    /// A value the element must have exactly (`fixed[x]`).
    public var fixed: TypedValue?
    /// A value the element must contain (`pattern[x]`).
    public var pattern: TypedValue?
    /// The least value allowed (`minValue[x]`).
    public var minValue: TypedValue?
    /// The greatest value allowed (`maxValue[x]`).
    public var maxValue: TypedValue?
    /// The longest string allowed.
    public var maxLength: Int?
    /// Conditions (constraint keys) that apply to this element.
    public var conditions: [String]
    /// The invariants checked on the element.
    public var constraints: [ElementConstraint]
    /// The terminology binding.
    public var binding: StructureBinding?
    /// Whether implementations must support the element.
    public var mustSupport: Bool?
    /// Whether the element changes the meaning of what holds it.
    public var isModifier: Bool?
    /// Whether the element is in the summary.
    public var isSummary: Bool?
    /// The short description, kept for messages and snapshots.
    public var short: String?

    /// An element; everything but id and path defaults to "absent".
    public init(
        id: String,
        path: String,
        sliceName: String? = nil,
        slicing: ElementSlicing? = nil,
        min: Int? = nil,
        max: String? = nil,
        base: ElementBase? = nil,
        types: [StructureElementType] = [],
        contentReference: String? = nil,
        fixed: TypedValue? = nil,
        pattern: TypedValue? = nil,
        minValue: TypedValue? = nil,
        maxValue: TypedValue? = nil,
        maxLength: Int? = nil,
        conditions: [String] = [],
        constraints: [ElementConstraint] = [],
        binding: StructureBinding? = nil,
        mustSupport: Bool? = nil,
        isModifier: Bool? = nil,
        isSummary: Bool? = nil,
        short: String? = nil
    ) {
        self.id = id
        self.path = path
        self.sliceName = sliceName
        self.slicing = slicing
        self.min = min
        self.max = max
        self.base = base
        self.types = types
        self.contentReference = contentReference
        self.fixed = fixed
        self.pattern = pattern
        self.minValue = minValue
        self.maxValue = maxValue
        self.maxLength = maxLength
        self.conditions = conditions
        self.constraints = constraints
        self.binding = binding
        self.mustSupport = mustSupport
        self.isModifier = isModifier
        self.isSummary = isSummary
        self.short = short
    }

    /// The most number of times the element may appear: nil when unbounded (`*`) or absent.
    public var maxCount: Int? {
        guard let max, max != "*" else { return nil }
        return Int(max)
    }

    /// Whether the element is prohibited (`max` is `0`).
    public var isProhibited: Bool { max == "0" }

    /// The last segment of the path without `[x]`: the JSON property name or its stem.
    public var name: String {
        let utf8 = path.utf8
        var start = utf8.startIndex
        if let dot = utf8.lastIndex(of: UInt8(ascii: ".")) { start = utf8.index(after: dot) }
        var end = utf8.endIndex
        if utf8.count >= 3, utf8.last == UInt8(ascii: "]"), path.hasSuffix("[x]") { end = utf8.index(end, offsetBy: -3) }
        return String(path[start..<end])
    }

    /// Whether the element is a choice of types (its path ends in `[x]`).
    public var isChoice: Bool { path.utf8.last == UInt8(ascii: "]") && path.hasSuffix("[x]") }

    /// The path of the element that holds this one; nil for the root.
    public var parentPath: String? {
        guard let dot = path.lastIndex(of: ".") else { return nil }
        return String(path[..<dot])
    }

    /// The path ``contentReference`` points at, without the leading `#` or URL.
    public var contentReferencePath: String? {
        guard let contentReference else { return nil }
        guard let hash = contentReference.lastIndex(of: "#") else { return contentReference }
        return String(contentReference[contentReference.index(after: hash)...])
    }
}

/// The base element a snapshot element constrains (ElementDefinition.base).
public struct ElementBase: Sendable, Hashable {
    /// The path in the base type, such as `Resource.id`.
    public var path: String
    /// The base's minimum.
    public var min: Int
    /// The base's maximum, as written.
    public var max: String

    /// A base.
    public init(path: String, min: Int, max: String) {
        self.path = path
        self.min = min
        self.max = max
    }
}

/// One allowed type of an element (ElementDefinition.type).
public struct StructureElementType: Sendable, Hashable {
    /// The type code: a type name, a logical model URL, or a FHIRPath system type URL.
    public var code: String
    /// Profiles (or extension definitions) the value must conform to; any one suffices.
    public var profiles: [String]
    /// For Reference, canonical and CodeableReference: profiles the target must conform to.
    public var targetProfiles: [String]
    /// For references: `contained`, `referenced` and/or `bundled`.
    public var aggregation: [String]
    /// For references: `either`, `independent` or `specific`.
    public var versioning: String?

    /// A type.
    public init(code: String, profiles: [String] = [], targetProfiles: [String] = [], aggregation: [String] = [], versioning: String? = nil) {
        self.code = code
        self.profiles = profiles
        self.targetProfiles = targetProfiles
        self.aggregation = aggregation
        self.versioning = versioning
    }

    /// The FHIR type name: the code, or for a FHIRPath system type URL its `System.X` name
    /// mapped to the FHIR primitive (`http://hl7.org/fhirpath/System.String` → `string`).
    public var typeName: String {
        guard code.hasPrefix("http://hl7.org/fhirpath/System.") else { return code }
        switch code.dropFirst("http://hl7.org/fhirpath/System.".count) {
        case "String": return "string"
        case "Boolean": return "boolean"
        case "Integer": return "integer"
        case "Decimal": return "decimal"
        case "Date": return "date"
        case "DateTime": return "dateTime"
        case "Time": return "time"
        default: return code
        }
    }
}

/// How the repetitions of an element are told apart (ElementDefinition.slicing).
public struct ElementSlicing: Sendable, Hashable {
    /// Whether other content than the slices is allowed, and where.
    public enum Rules: String, Sendable, Hashable, CaseIterable {
        /// No other content.
        case closed
        /// Other content anywhere.
        case open
        /// Other content after the slices only.
        case openAtEnd
    }

    /// How a slice is recognised.
    public var discriminators: [SlicingDiscriminator]
    /// Whether the slices must appear in the order they are defined.
    public var ordered: Bool
    /// Whether other content is allowed.
    public var rules: Rules
    /// The description, kept for messages.
    public var description: String?

    /// A slicing.
    public init(discriminators: [SlicingDiscriminator], ordered: Bool = false, rules: Rules = .open, description: String? = nil) {
        self.discriminators = discriminators
        self.ordered = ordered
        self.rules = rules
        self.description = description
    }
}

/// One discriminator of a slicing.
public struct SlicingDiscriminator: Sendable, Hashable {
    /// What is compared.
    public enum Kind: String, Sendable, Hashable, CaseIterable {
        /// The element at path has the slice's fixed or pattern value (or binding).
        case value
        /// The element at path exists or not, as the slice's cardinality says.
        case exists
        /// The element at path matches the slice's pattern.
        case pattern
        /// The element at path has the slice's type.
        case type
        /// The element at path conforms to the slice's profile.
        case profile
        /// R5: the element at path has the slice's position. Read but not supported.
        case position
    }

    /// What is compared.
    public var kind: Kind
    /// A restricted FHIRPath from the sliced element to the compared one; `$this` for itself.
    public var path: String

    /// A discriminator.
    public init(kind: Kind, path: String) {
        self.kind = kind
        self.path = path
    }
}

/// A value with the type its `[x]` property name gives: `fixedCode` is `code` and `"final"`.
public struct TypedValue: Sendable, Hashable {
    /// The FHIR type name, such as `code`, `CodeableConcept` or `Quantity`.
    public var typeName: String
    /// The value as JSON.
    public var value: JSONValue

    /// A typed value.
    public init(typeName: String, value: JSONValue) {
        self.typeName = typeName
        self.value = value
    }
}

/// A terminology binding (ElementDefinition.binding).
public struct StructureBinding: Sendable, Hashable {
    /// How strongly the value set applies.
    public var strength: BindingStrength
    /// The value set's canonical URL, possibly with `|version`.
    public var valueSet: String?
    /// The description, kept for messages.
    public var description: String?

    /// A binding.
    public init(strength: BindingStrength, valueSet: String?, description: String? = nil) {
        self.strength = strength
        self.valueSet = valueSet
        self.description = description
    }

    /// The value set URL without `|version`.
    public var valueSetURL: String? {
        guard let valueSet else { return nil }
        guard let bar = valueSet.firstIndex(of: "|") else { return valueSet }
        return String(valueSet[..<bar])
    }
}
