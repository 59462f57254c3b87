/// A search parameter of the specification (a SearchParameter resource, minus its narrative).
///
/// ```swift
/// let code = catalog.searchParameter(named: "code", for: "Observation")!
/// code.type        // .token
/// code.expression  // "Observation.code"
/// ```
public struct SearchParameterDefinition: Sendable, Hashable {
    /// The canonical URL, such as `http://hl7.org/fhir/SearchParameter/clinical-code`.
    public let url: String
    /// The computer-friendly name.
    public let name: String
    /// The name used in the query string, such as `code` or `_lastUpdated`.
    public let code: String
    /// The resource types the parameter applies to; `Resource` and `DomainResource` apply to all their descendants.
    public let base: [String]
    /// How values are written and matched.
    public let type: SearchParameterType
    /// The FHIRPath expression selecting the values; for a parameter with several bases, a union of one path per base.
    public let expression: String?
    /// How the path is used to match.
    public let xpathUsage: XPathUsage?
    /// For reference parameters: the resource types the reference may point to.
    public let targets: [String]
    /// Whether several values may be given, separated by commas (SearchParameter.multipleOr).
    public let multipleOr: Bool?
    /// Whether the parameter may be repeated (SearchParameter.multipleAnd).
    public let multipleAnd: Bool?
    /// The prefixes the parameter accepts.
    public let comparators: [SearchComparator]
    /// The modifiers the parameter accepts, when the definition restricts them.
    public let modifiers: [SearchModifier]
    /// The chained parameter names the server supports, when the definition restricts them.
    public let chains: [String]
    /// For composite parameters: the parts, in order.
    public let components: [SearchParameterComponent]

    /// A parameter with the given parts.
    public init(
        url: String,
        name: String,
        code: String,
        base: [String],
        type: SearchParameterType,
        expression: String?,
        xpathUsage: XPathUsage? = nil,
        targets: [String] = [],
        multipleOr: Bool? = nil,
        multipleAnd: Bool? = nil,
        comparators: [SearchComparator] = [],
        modifiers: [SearchModifier] = [],
        chains: [String] = [],
        components: [SearchParameterComponent] = []
    ) {
        self.url = url
        self.name = name
        self.code = code
        self.base = base
        self.type = type
        self.expression = expression
        self.xpathUsage = xpathUsage
        self.targets = targets
        self.multipleOr = multipleOr
        self.multipleAnd = multipleAnd
        self.comparators = comparators
        self.modifiers = modifiers
        self.chains = chains
        self.components = components
    }
}
