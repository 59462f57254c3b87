/// The resource types a caller may read or search: all of them, or a listed few.
public enum ResourceTypeSet: Sendable, Hashable {
    /// Every type the server serves (a `*` scope).
    case all
    /// These types only (possibly none).
    case only(Set<String>)

    /// Whether `resourceType` is in the set.
    public func contains(_ resourceType: String) -> Bool {
        switch self {
        case .all: true
        case .only(let types): types.contains(resourceType)
        }
    }

    /// Whether no type is in the set.
    public var isEmpty: Bool {
        self == .only([])
    }
}
