/// How an actor is named where Consents and requests meet: a reference as `Type/id` (an
/// absolute URL is reduced to its last two segments), an identifier as
/// `identifier:system|value`. A client registration is named by its client id under
/// ``clientIDSystem``, so a Consent can name an app: `{"identifier": {"system":
/// "urn:kiln:client-id", "value": "my-app"}}`.
public enum ConsentActor {
    /// The identifier system of a client registration's client id.
    public static let clientIDSystem = "urn:kiln:client-id"

    /// The actor a FHIR Reference (JSON) names; nil when it names none.
    public static func key(reference: String) -> String? {
        let segments = reference.split(separator: "/", omittingEmptySubsequences: true)
        guard segments.count >= 2 else { return nil }
        let type = segments[segments.count - 2], id = segments[segments.count - 1]
        guard type.first?.isUppercase == true, type != "_history" else { return nil }
        return "\(type)/\(id)"
    }

    /// The actor an identifier names.
    public static func key(identifierSystem system: String, value: String) -> String {
        "identifier:\(system)|\(value)"
    }

    /// The actor a client registration is.
    public static func client(_ clientID: String) -> String {
        key(identifierSystem: clientIDSystem, value: clientID)
    }
}
