/// The resource types one search covers, as the parser needs them.
struct SearchScope: Sendable, Hashable {
    /// The parameters every resource type has, which are all a search across every type accepts.
    static let commonParameters = ["_id", "_lastUpdated", "_tag", "_profile", "_security", "_source"]

    /// ``SearchQuery/resourceTypes``: the type searched, the types of `_type`, or empty for all.
    var resourceTypes: [String]
    /// Whether the search is system-level.
    var isSystemLevel: Bool
    /// The types conditions and sort keys are resolved on: the searched types, or a stand-in
    /// (`Resource`) when every type is searched.
    var conditionTypes: [String]

    /// Whether every resource type is searched (a system-level search without `_type`), so only
    /// ``commonParameters`` can be used.
    var coversAllTypes: Bool { isSystemLevel && resourceTypes.isEmpty }

    /// Whether `resourceType` is one of the searched types.
    func includes(_ resourceType: String) -> Bool {
        coversAllTypes || resourceTypes.contains(resourceType)
    }
}
