/// What granular scopes (`patient/Observation.rs?category=laboratory`) add to an access filter:
/// per resource type, the queries a resource must match to be reachable.
///
/// A resource of a restricted type is reachable when it matches at least one of the type's
/// queries (a union); it matches a query when it matches every ``AccessParameter`` of it, each
/// read as a search parameter of the type. A type without an entry is not restricted. A query
/// that is not a valid search of its type matches nothing, so a restriction never widens.
public struct AccessRestriction: Sendable, Hashable {
    /// The restricted types and their alternative queries; types with no query are left out.
    public let queriesByType: [String: [[AccessParameter]]]

    /// A restriction.
    public init(_ queriesByType: [String: [[AccessParameter]]]) {
        self.queriesByType = queriesByType.filter { !$0.value.isEmpty }
    }

    /// No restriction.
    public static let none = AccessRestriction([:])

    /// Whether no type is restricted.
    public var isEmpty: Bool { queriesByType.isEmpty }

    /// The restricted types, sorted.
    public var resourceTypes: [String] { queriesByType.keys.sorted() }

    /// The alternatives for `resourceType`; nil when it is not restricted.
    public func queries(for resourceType: String) -> [[AccessParameter]]? {
        queriesByType[resourceType]
    }
}

/// One `name=value` search pair of a granular scope, the value decoded.
public struct AccessParameter: Sendable, Hashable {
    /// The search parameter's name.
    public var name: String
    /// Its value, as in a search (`http://…|laboratory`).
    public var value: String

    /// A pair.
    public init(name: String, value: String) {
        self.name = name
        self.value = value
    }
}
