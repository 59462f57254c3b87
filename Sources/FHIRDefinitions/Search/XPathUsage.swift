/// SearchParameter.xpathUsage: how the parameter's path is used to match.
public enum XPathUsage: String, Sendable, Hashable, CaseIterable {
    /// Values are matched as found at the path.
    case normal
    /// Values are matched by how they sound.
    case phonetic
    /// Values are matched by geographic proximity.
    case nearby
    /// Values are matched by distance.
    case distance
    /// Matching follows rules of the parameter's own.
    case other
}
