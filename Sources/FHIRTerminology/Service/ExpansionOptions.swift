/// How to expand a value set.
public struct ExpansionOptions: Sendable {
    /// Keep only codes that start with this text or whose display contains every word of it
    /// (case-insensitive).
    public var filter: String?
    /// The page size; nil for every code (at most ``TerminologyLimits/maximumExpansionSize``).
    public var count: Int?
    /// The codes to skip before the page.
    public var offset: Int
    /// Whether to include designations.
    public var includeDesignations: Bool
    /// Whether to leave abstract codes out.
    public var excludeAbstract: Bool

    /// Options.
    public init(filter: String? = nil, count: Int? = nil, offset: Int = 0, includeDesignations: Bool = false, excludeAbstract: Bool = false) {
        self.filter = filter
        self.count = count
        self.offset = offset
        self.includeDesignations = includeDesignations
        self.excludeAbstract = excludeAbstract
    }
}
