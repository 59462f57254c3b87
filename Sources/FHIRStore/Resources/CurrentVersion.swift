/// What the store knows about the current version of a resource, for writers deciding the next one.
public struct CurrentVersion: Sendable, Hashable {
    /// The current version number.
    public var versionID: Int64
    /// Whether the current version is a tombstone.
    public var isDeleted: Bool

    /// A current version.
    public init(versionID: Int64, isDeleted: Bool) {
        self.versionID = versionID
        self.isDeleted = isDeleted
    }
}
