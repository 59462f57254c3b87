/// The limits of search, documented in docs/search.md.
public struct SearchLimits: Sendable, Hashable {
    /// The page size when `_count` is not given.
    public var defaultCount: Int
    /// The largest page size; a larger `_count` is lowered to it.
    public var maximumCount: Int
    /// How long a next or previous link stays valid, in seconds.
    public var cursorLifetime: Int64
    /// The most values one parameter may OR together (comma-separated), and the most codes a
    /// terminology modifier may stand for.
    public var maximumValuesPerParameter: Int
    /// The most `:iterate` rounds of `_include` and `_revinclude`.
    public var maximumIncludeIterations: Int
    /// The most resources `_include` and `_revinclude` add to one page.
    public var maximumIncludedResources: Int

    /// The defaults: 50 per page, at most 1,000; links valid for an hour.
    public init(
        defaultCount: Int = 50,
        maximumCount: Int = 1000,
        cursorLifetime: Int64 = 3600,
        maximumValuesPerParameter: Int = 1000,
        maximumIncludeIterations: Int = 3,
        maximumIncludedResources: Int = 1000
    ) {
        self.defaultCount = defaultCount
        self.maximumCount = maximumCount
        self.cursorLifetime = cursorLifetime
        self.maximumValuesPerParameter = maximumValuesPerParameter
        self.maximumIncludeIterations = maximumIncludeIterations
        self.maximumIncludedResources = maximumIncludedResources
    }
}
