public import Foundation

/// A history request at system, type or instance level (`_history`).
public struct HistoryRequest: Sendable, Hashable {
    /// The resource type, or nil for the whole system.
    public var resourceType: String?
    /// The resource id, or nil for type or system level.
    public var id: String?
    /// Only versions written after this instant (`_since`).
    public var since: Date?
    /// The page size (`_count`).
    public var count: Int
    /// Continue after this position (from a previous page's `next` link).
    public var cursor: Int64?
    /// Whether to count every matching version (`_total=accurate`).
    public var includeTotal: Bool

    /// A history request.
    public init(resourceType: String? = nil, id: String? = nil, since: Date? = nil, count: Int, cursor: Int64? = nil, includeTotal: Bool) {
        self.resourceType = resourceType
        self.id = id
        self.since = since
        self.count = count
        self.cursor = cursor
        self.includeTotal = includeTotal
    }
}

/// One page of history, newest version first.
public struct HistoryPage: Sendable {
    /// The versions of this page.
    public var versions: [StoredResource]
    /// The cursor of the next page, if there is one.
    public var nextCursor: Int64?
    /// The number of matching versions, when asked for.
    public var total: Int?
}
