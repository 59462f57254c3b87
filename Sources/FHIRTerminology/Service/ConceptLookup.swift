/// What `$lookup` says about one code.
public struct ConceptLookup: Sendable {
    /// The code system URL.
    public var system: String
    /// The code system version, if known.
    public var version: String?
    /// The code system's name.
    public var name: String?
    /// The code as the system spells it.
    public var code: String
    /// The display.
    public var display: String?
    /// The definition.
    public var definition: String?
    /// Designations.
    public var designations: [ConceptDesignation]
    /// Property values.
    public var properties: [ConceptProperty]
    /// The codes of the direct parents.
    public var parents: [String]
    /// The codes of the direct children.
    public var children: [String]
    /// Whether the concept is abstract (not selectable).
    public var isAbstract: Bool

    /// A lookup result.
    public init(
        system: String, version: String?, name: String?, code: String, display: String?, definition: String? = nil,
        designations: [ConceptDesignation] = [], properties: [ConceptProperty] = [], parents: [String] = [], children: [String] = [], isAbstract: Bool = false
    ) {
        self.system = system
        self.version = version
        self.name = name
        self.code = code
        self.display = display
        self.definition = definition
        self.designations = designations
        self.properties = properties
        self.parents = parents
        self.children = children
        self.isAbstract = isAbstract
    }
}
