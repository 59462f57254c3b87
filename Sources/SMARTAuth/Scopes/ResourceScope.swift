/// One SMART resource scope, such as `patient/Observation.rs`, `user/*.write` or
/// `patient/Observation.rs?category=…|laboratory`, with its meaning in SMART 2 terms.
///
/// A v1 scope and its v2 equivalent have the same ``permissions``; ``text`` keeps the spelling
/// the client used, so a granted scope string echoes it back.
///
/// ```swift
/// let scope = try ResourceScope(parsing: "patient/*.read")
/// scope.permissions.letters   // "rs"
/// scope.normalizedText        // "patient/*.rs"
/// scope.text                  // "patient/*.read"
/// ```
public struct ResourceScope: Sendable, Hashable, CustomStringConvertible {
    /// Whose data: `patient/`, `user/` or `system/`.
    public let context: ScopeContext
    /// The resource type, or `*`.
    public let resourceType: ScopeResourceType
    /// What may be done, as SMART 2 letters; never empty.
    public let permissions: ScopePermissions
    /// The granular restriction, if any; only on a named type with `r`/`s` permissions.
    public let query: ScopeQuery?
    /// The syntax the scope was written in.
    public let syntax: ScopeSyntax
    /// The scope as written (or, for a scope Kiln composed, ``normalizedText``).
    public let text: String

    /// A scope composed from its parts, spelled in SMART 2 syntax; nil when it could not be
    /// honoured: no permissions, or a query on `*` or with `c`, `u` or `d`.
    public init?(context: ScopeContext, resourceType: ScopeResourceType, permissions: ScopePermissions, query: ScopeQuery? = nil) {
        guard !permissions.isEmpty else { return nil }
        if query != nil {
            guard resourceType != .wildcard, permissions.isDisjoint(with: .writes) else { return nil }
        }
        self.context = context
        self.resourceType = resourceType
        self.permissions = permissions
        self.query = query
        self.syntax = .v2
        self.text = Self.spell(context: context, resourceType: resourceType, permissions: permissions, query: query)
    }

    init(context: ScopeContext, resourceType: ScopeResourceType, permissions: ScopePermissions, query: ScopeQuery?, syntax: ScopeSyntax, text: String) {
        self.context = context
        self.resourceType = resourceType
        self.permissions = permissions
        self.query = query
        self.syntax = syntax
        self.text = text
    }

    /// The SMART 2 spelling of the same meaning: `patient/*.read` → `patient/*.rs`.
    public var normalizedText: String {
        Self.spell(context: context, resourceType: resourceType, permissions: permissions, query: query)
    }

    /// ``text``.
    public var description: String {
        text
    }

    /// Whether `other` means the same, whatever its spelling (`.read` and `.rs`; queries with the
    /// same pairs in another order).
    public func isEquivalent(to other: ResourceScope) -> Bool {
        context == other.context && resourceType == other.resourceType && permissions == other.permissions && query == other.query
    }

    /// Whether this scope grants everything `other` grants: the same context, a type that covers
    /// its type, its permissions, and a query no narrower than its query.
    public func covers(_ other: ResourceScope) -> Bool {
        guard context == other.context, resourceType.covers(other.resourceType), permissions.isSuperset(of: other.permissions) else {
            return false
        }
        guard let query else { return true }
        guard let otherQuery = other.query else { return false }
        return otherQuery.isNarrower(than: query)
    }

    /// What both scopes grant, or nil when that is nothing. Spelled like this scope when it means
    /// the same as this one, else like `other` when it means the same as that one, else in SMART 2.
    public func intersection(_ other: ResourceScope) -> ResourceScope? {
        guard context == other.context, let type = resourceType.intersection(other.resourceType) else { return nil }
        let permissions = permissions.intersection(other.permissions)
        let query: ScopeQuery? = switch (query, other.query) {
        case (nil, nil): nil
        case (let mine?, nil): mine
        case (nil, let theirs?): theirs
        case (let mine?, let theirs?): mine.conjunction(theirs)
        }
        guard let composed = ResourceScope(context: context, resourceType: type, permissions: permissions, query: query) else { return nil }
        if composed.isEquivalent(to: self) { return self }
        if composed.isEquivalent(to: other) { return other }
        return composed
    }

    private static func spell(context: ScopeContext, resourceType: ScopeResourceType, permissions: ScopePermissions, query: ScopeQuery?) -> String {
        let base = "\(context.rawValue)/\(resourceType).\(permissions.letters)"
        guard let query else { return base }
        return "\(base)?\(query.queryText)"
    }
}
