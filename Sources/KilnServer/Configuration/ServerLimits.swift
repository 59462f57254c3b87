/// Every limit the server enforces, with its documented default. README "Limits" lists them.
public struct ServerLimits: Sendable, Hashable {
    /// Largest request body in bytes; larger gets 413. Default 16 MiB.
    public var maximumBodySize: Int
    /// Deepest JSON nesting accepted; deeper gets 400. Default 64 (see ``FHIRModel/JSONLimits``).
    public var maximumJSONDepth: Int
    /// Most entries in a batch or transaction Bundle; more gets 413. Default 10,000.
    public var maximumBundleEntries: Int
    /// Page size when the client gives no `_count`. Default 50.
    public var defaultPageSize: Int
    /// Largest page size; a larger `_count` is reduced to it. Default 1,000.
    public var maximumPageSize: Int

    /// The defaults.
    public init(
        maximumBodySize: Int = 16 * 1024 * 1024,
        maximumJSONDepth: Int = 64,
        maximumBundleEntries: Int = 10_000,
        defaultPageSize: Int = 50,
        maximumPageSize: Int = 1_000
    ) {
        self.maximumBodySize = maximumBodySize
        self.maximumJSONDepth = maximumJSONDepth
        self.maximumBundleEntries = maximumBundleEntries
        self.defaultPageSize = defaultPageSize
        self.maximumPageSize = maximumPageSize
    }

    /// The default limits.
    public static let `default` = ServerLimits()
}
