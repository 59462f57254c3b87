/// One element of a type, as the type's snapshot defines it (ElementDefinition).
///
/// ```swift
/// let value = catalog.typeModel.element(path: "Observation.value[x]")!
/// value.name      // "value"
/// value.isChoice  // true
/// value.types.map(\.code)  // ["Quantity", "CodeableConcept", "string", …]
/// ```
public struct ElementDefinition: Sendable, Hashable {
    /// The full path, such as `Observation.referenceRange.low` or `Observation.value[x]`.
    public let path: String
    /// The last path segment without `[x]`: the JSON property name (or its stem, for a choice).
    public let name: String
    /// The least number of times the element must appear.
    public let min: Int
    /// The most number of times the element may appear; nil when unbounded (`*`).
    public let max: Int?
    /// The types the element may have; empty for the root and for a ``contentReference`` element.
    public let types: [ElementType]
    /// Whether the element is a choice of types (its path ends in `[x]`).
    public let isChoice: Bool
    /// The element whose definition this one reuses, such as `#Observation.referenceRange`.
    public let contentReference: String?
    /// The terminology binding of a coded element.
    public let binding: ElementBinding?
    /// Whether the element is part of the summary (`_summary=true`).
    public let isSummary: Bool
    /// Whether the element changes the meaning of the resource that holds it.
    public let isModifier: Bool
    /// The invariants checked on the element.
    public let constraints: [ElementConstraint]

    /// An element with the given parts; ``name`` and ``isChoice`` come from the path.
    public init(
        path: String,
        min: Int,
        max: Int?,
        types: [ElementType] = [],
        contentReference: String? = nil,
        binding: ElementBinding? = nil,
        isSummary: Bool = false,
        isModifier: Bool = false,
        constraints: [ElementConstraint] = []
    ) {
        self.path = path
        self.min = min
        self.max = max
        self.types = types
        self.contentReference = contentReference
        self.binding = binding
        self.isSummary = isSummary
        self.isModifier = isModifier
        self.constraints = constraints
        let last = path.utf8.lastIndex(of: UInt8(ascii: ".")).map { path[path.index(after: $0)...] } ?? path[...]
        self.isChoice = last.hasSuffix("[x]")
        self.name = String(isChoice ? last.dropLast(3) : last)
    }

    /// Whether the element may appear more than once, and so is a JSON array.
    public var isRepeating: Bool {
        guard let max else { return true }
        return max > 1
    }

    /// Whether the element must appear at least once.
    public var isRequired: Bool { min > 0 }

    /// The path of the element that holds this one, or nil for a type's root element.
    public var parentPath: String? {
        guard let dot = path.utf8.lastIndex(of: UInt8(ascii: ".")) else { return nil }
        return String(path[..<dot])
    }

    /// The path that ``contentReference`` points at, without the leading `#`.
    public var contentReferencePath: String? {
        guard let contentReference else { return nil }
        guard let hash = contentReference.lastIndex(of: "#") else { return contentReference }
        return String(contentReference[contentReference.index(after: hash)...])
    }

    /// The type among ``types`` that the JSON property name selects: `valueQuantity` selects
    /// `Quantity` on `value[x]`; a plain name selects the only type of a non-choice element.
    public func type(forPropertyName propertyName: String) -> ElementType? {
        guard isChoice else { return propertyName == name && types.count == 1 ? types[0] : nil }
        return types.first { $0.choiceName(for: name) == propertyName }
    }
}
