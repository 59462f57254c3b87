import FHIRModel
import FHIRStore
import Foundation

/// Sets what the server owns in a resource it stores: `id`, `meta.versionId` and `meta.lastUpdated`.
///
/// `resourceType`, `id` and `meta` go first, in that order, and within `meta` the two stamped
/// elements go first, as FHIR's element order has them; everything else keeps the client's order.
enum ResourceStamp {
    /// The resource with id and meta set.
    static func stamp(_ resource: JSONObject, id: String, versionID: Int64, lastUpdated: Date) -> JSONValue {
        var object = resource
        var meta = object["meta"]?.objectValue ?? JSONObject()
        meta.set("versionId", to: .string(String(versionID)), at: 0)
        meta.set("lastUpdated", to: .string(FHIRInstant.format(lastUpdated)), at: 1)
        let resourceType = object["resourceType"] ?? .null
        object.set("resourceType", to: resourceType, at: 0)
        object.set("id", to: .string(id), at: 1)
        object.set("meta", to: .object(meta), at: 2)
        return .object(object)
    }
}
