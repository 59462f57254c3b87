import FHIRModel

/// A resource as Kiln stores its first version: with `id` and `meta` (`versionId`, `lastUpdated`)
/// after `resourceType`. The baseline stores documents in this form, so both systems hold the same
/// bytes.
enum StoredForm {
    /// The `meta.lastUpdated` of every baseline document, as long as the instants Kiln writes.
    static let lastUpdated = "2025-01-01T00:00:00.000Z"

    /// `resource` with `id` and a first version's `meta`, last updated at `lastUpdated` (an instant).
    static func stamped(_ resource: JSONValue, id: String, lastUpdated: String = lastUpdated) -> JSONValue {
        guard case .object(var object) = resource else { return resource }
        object.set("id", to: .string(id), at: 1)
        object.set("meta", to: ["versionId": "1", "lastUpdated": .string(lastUpdated)], at: 2)
        return .object(object)
    }
}
