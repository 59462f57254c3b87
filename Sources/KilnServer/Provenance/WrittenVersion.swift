import FHIRStore

/// One version a request wrote: what its Provenance targets (`Observation/12/_history/3`) and
/// what it did to it.
public struct WrittenVersion: Sendable, Hashable {
    /// The resource type.
    public var resourceType: String
    /// The logical id.
    public var id: String
    /// The version written.
    public var versionID: Int64
    /// What the write did: created the resource, changed it, or deleted it.
    public var activity: ProvenanceActivity

    /// A written version.
    public init(resourceType: String, id: String, versionID: Int64, activity: ProvenanceActivity) {
        self.resourceType = resourceType
        self.id = id
        self.versionID = versionID
        self.activity = activity
    }

    /// The version a store write produced. A PUT that brought a resource into being (new, or
    /// after a deletion) is a create, as its `201 Created` says.
    init(_ write: ResourceVersionWrite, created: Bool = false) {
        let activity: ProvenanceActivity = switch write.method {
        case .create: .create
        case .update: created ? .create : .update
        case .patch: .update
        case .delete: .delete
        }
        self.init(resourceType: write.resourceType, id: write.id, versionID: write.versionID, activity: activity)
    }

    /// The versioned reference, `Type/id/_history/n`.
    public var reference: String {
        "\(resourceType)/\(id)/_history/\(versionID)"
    }
}
