/// One concept of a code system, without its place in the hierarchy (see ``CodeSystemIndex``).
public struct CodeSystemConcept: Sendable {
    /// The code.
    public var code: String
    /// The display.
    public var display: String?
    /// The definition.
    public var definition: String?
    /// Further designations.
    public var designations: [ConceptDesignation]
    /// Property values.
    public var properties: [ConceptProperty]
    /// Whether the concept is only a grouper and not to be used in data (`notSelectable`,
    /// ICD-10-CM chapters and blocks).
    public var isAbstract: Bool

    /// A concept.
    public init(code: String, display: String?, definition: String? = nil, designations: [ConceptDesignation] = [], properties: [ConceptProperty] = [], isAbstract: Bool = false) {
        self.code = code
        self.display = display
        self.definition = definition
        self.designations = designations
        self.properties = properties
        self.isAbstract = isAbstract
    }

    /// The value of the property `code`, if the concept has it.
    public func property(_ code: String) -> ConceptProperty? {
        properties.first { $0.code == code }
    }
}
