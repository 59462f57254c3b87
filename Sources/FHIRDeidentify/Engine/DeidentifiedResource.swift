public import FHIRModel

/// A resource as the engine made it for the research view. Only ``DeidentificationEngine`` makes
/// one, so code that serializes only this type serializes only engine output.
public struct DeidentifiedResource: Sendable, Hashable {
    /// The de-identified resource.
    public let json: JSONValue
    /// Its resource type.
    public let resourceType: String
    /// Its pseudonymous id; nil when the input had no id.
    public let id: String?
    /// What the engine did to it, also in `meta.security`, in code order.
    public let labels: [DeidentificationLabel]
    /// The name and version of the profile that made it (`safe-harbor 1.0.0`).
    public let profile: String

    /// Engine output only.
    init(json: JSONValue, resourceType: String, id: String?, labels: [DeidentificationLabel], profile: String) {
        self.json = json
        self.resourceType = resourceType
        self.id = id
        self.labels = labels
        self.profile = profile
    }
}
