public import Foundation
public import FHIRModel

/// One stored version of a resource, as reads return it.
public struct StoredResource: Sendable, Hashable {
    /// The resource type, e.g. `Patient`.
    public var resourceType: String
    /// The logical id.
    public var id: String
    /// The version, starting at 1.
    public var versionID: Int64
    /// When this version was written.
    public var lastUpdated: Date
    /// Whether this version is a deletion tombstone.
    public var isDeleted: Bool
    /// How this version was written (the HTTP verb of history's `request.method`).
    public var method: WriteMethod
    /// The resource's JSON text exactly as stored (with `meta.versionId` and `meta.lastUpdated`);
    /// nil for a tombstone.
    public var text: String?

    /// A stored version.
    public init(resourceType: String, id: String, versionID: Int64, lastUpdated: Date, isDeleted: Bool, method: WriteMethod, text: String?) {
        self.resourceType = resourceType
        self.id = id
        self.versionID = versionID
        self.lastUpdated = lastUpdated
        self.isDeleted = isDeleted
        self.method = method
        self.text = text
    }

    /// The weak ETag of this version: `W/"3"`.
    public var etag: String { "W/\"\(versionID)\"" }

    /// `Type/id`.
    public var reference: String { "\(resourceType)/\(id)" }

    /// The resource as JSON; nil for a tombstone.
    public func json() throws(FHIRError) -> JSONValue? {
        guard let text else { return nil }
        do {
            return try JSONParser(limits: JSONLimits(maximumDepth: 1024)).parse(text)
        } catch {
            throw FHIRError.internalError("Stored \(reference)/_history/\(versionID) is not valid JSON: \(error)")
        }
    }
}
