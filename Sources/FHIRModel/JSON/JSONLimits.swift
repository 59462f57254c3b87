/// Limits that protect the server from hostile or accidental JSON.
public struct JSONLimits: Sendable, Hashable {
    /// The deepest nesting of objects and arrays accepted. Default: ``defaultMaximumDepth``.
    public var maximumDepth: Int

    /// The default nesting limit, 64 levels. The deepest R4 resources nest about 15 levels.
    public static let defaultMaximumDepth = 64

    /// Limits with the given depth.
    public init(maximumDepth: Int = JSONLimits.defaultMaximumDepth) {
        self.maximumDepth = maximumDepth
    }

    /// The limits Kiln uses for request bodies.
    public static let `default` = JSONLimits()
}
