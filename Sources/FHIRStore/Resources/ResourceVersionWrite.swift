public import Foundation
public import FHIRConsent
public import FHIRModel
public import FHIRSearch

/// A new version to be written: the resource as it will be stored, with its search index values.
public struct ResourceVersionWrite: Sendable {
    /// The resource type.
    public var resourceType: String
    /// The logical id.
    public var id: String
    /// The new version number.
    public var versionID: Int64
    /// The time of the write, as in `meta.lastUpdated`.
    public var lastUpdated: Date
    /// How the version is written.
    public var method: WriteMethod
    /// The serialized resource; nil for a deletion.
    public var text: String?
    /// The search index values of the new version (empty for a deletion), which replace the
    /// resource's earlier ones in the same transaction.
    public var index: SearchIndexEntries
    /// For a Consent, what it compiles to for enforcement, written with it in the same
    /// transaction (nil when it decides nothing: not active, inert, deleted; always nil for
    /// other types).
    public var consent: CompiledConsent?

    /// A version that stores `resource`, already stamped with id and meta, with its index values.
    public init(resourceType: String, id: String, versionID: Int64, lastUpdated: Date, method: WriteMethod, resource: JSONValue, index: SearchIndexEntries) {
        self.resourceType = resourceType
        self.id = id
        self.versionID = versionID
        self.lastUpdated = lastUpdated
        self.method = method
        self.text = resource.jsonString
        self.index = index
        if resourceType == "Consent", case .enforced(let compiled) = ConsentCompiler.compile(resource) {
            self.consent = compiled
        }
    }

    /// A deletion tombstone.
    public init(deleting resourceType: String, id: String, versionID: Int64, lastUpdated: Date) {
        self.resourceType = resourceType
        self.id = id
        self.versionID = versionID
        self.lastUpdated = lastUpdated
        self.method = .delete
        self.text = nil
        self.index = .empty
    }

    /// The stored resource this write produces.
    public var stored: StoredResource {
        StoredResource(resourceType: resourceType, id: id, versionID: versionID, lastUpdated: lastUpdated, isDeleted: text == nil, method: method, text: text)
    }
}
