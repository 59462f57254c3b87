import FHIRModel
import FHIRSearch
import FHIRStore
import Foundation

extension ResourceVersionWrite {
    /// A write of a resource with nothing but its type, id and version, and no search index:
    /// version 1 a create, later ones updates.
    static func minimal(_ type: String, _ id: String, version: Int64 = 1, at date: Date) -> ResourceVersionWrite {
        let resource: JSONValue = ["resourceType": .string(type), "id": .string(id), "meta": ["versionId": .string(String(version))]]
        return ResourceVersionWrite(resourceType: type, id: id, versionID: version, lastUpdated: date, method: version == 1 ? .create : .update, resource: resource, index: .empty)
    }
}
