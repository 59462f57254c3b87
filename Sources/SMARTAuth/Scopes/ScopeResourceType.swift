/// The resource type a resource scope names: one type, or `*` for every type.
public enum ScopeResourceType: Sendable, Hashable, CustomStringConvertible {
    /// `*`: every resource type.
    case wildcard
    /// One resource type, e.g. `Observation`.
    case named(String)

    /// Whether a scope naming this reaches resources of `resourceType`.
    public func covers(_ resourceType: String) -> Bool {
        switch self {
        case .wildcard: true
        case .named(let name): name == resourceType
        }
    }

    /// Whether everything `other` reaches, this reaches too.
    public func covers(_ other: ScopeResourceType) -> Bool {
        switch (self, other) {
        case (.wildcard, _): true
        case (.named, .wildcard): false
        case (.named(let mine), .named(let theirs)): mine == theirs
        }
    }

    /// The named type; nil for `*`.
    public var name: String? {
        switch self {
        case .wildcard: nil
        case .named(let name): name
        }
    }

    /// `*` or the type name, as written in a scope.
    public var description: String {
        name ?? "*"
    }

    /// The types both reach, if any.
    func intersection(_ other: ScopeResourceType) -> ScopeResourceType? {
        if covers(other) { return other }
        if other.covers(self) { return self }
        return nil
    }
}
