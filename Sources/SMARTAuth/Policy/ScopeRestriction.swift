public import FHIRAccess

/// What granular scopes add to an access decision: per resource type, the queries a resource
/// must match to be reachable.
///
/// A resource of a restricted type is reachable when it matches at least one of the type's
/// queries (a union), and it matches a query when it matches every ``ScopeParameter`` of it (an
/// intersection). A type without an entry is not restricted by granular scopes; the
/// ``FHIRAccess/AccessFilter`` still applies to it.
///
/// How the search compiler applies it (it does not yet): for each restricted type, parse each
/// query's pairs as the search parameters of that type (strictly: a pair that does not parse
/// refuses the request) and add `AND ((q1) OR (q2) …)` wherever the access filter is applied to
/// a resource of that type — the match set, every chain and `_has` target, every include — so
/// that the restriction, like the filter, holds before any LIMIT. A read by id of a restricted
/// type is a search for `_id` with the restriction. Pair values mean what they mean in a search
/// (a comma is OR within the pair; repeated names are ANDed).
///
/// ```swift
/// // patient/Observation.rs?category=…|laboratory patient/Observation.rs?category=…|vital-signs
/// restriction.queries(for: "Observation")   // [category=…|laboratory, category=…|vital-signs]
/// restriction.queries(for: "Condition")     // nil: not restricted
/// ```
public struct ScopeRestriction: Sendable, Hashable {
    /// The restricted types and their alternative queries, each list non-empty.
    public let queriesByType: [String: [ScopeQuery]]

    /// A restriction; types with no queries are left out.
    public init(_ queriesByType: [String: [ScopeQuery]]) {
        self.queriesByType = queriesByType.filter { !$0.value.isEmpty }
    }

    /// No granular restriction.
    public static let none = ScopeRestriction([:])

    /// Whether no type is restricted.
    public var isEmpty: Bool {
        queriesByType.isEmpty
    }

    /// The alternatives for `resourceType`; nil when the type is not restricted.
    public func queries(for resourceType: String) -> [ScopeQuery]? {
        queriesByType[resourceType]
    }

    /// The restriction as the access filter carries it.
    public var accessRestriction: AccessRestriction {
        AccessRestriction(queriesByType.mapValues { queries in
            queries.map { query in query.parameters.map { AccessParameter(name: $0.name, value: $0.value) } }
        })
    }
}
