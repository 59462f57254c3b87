/// Why the engine gives no de-identified form of a resource: the research view then leaves the
/// resource out (or answers that the type is not served) rather than serving it half-done.
public enum DeidentificationRefusal: Error, Sendable, Hashable, CustomStringConvertible {
    /// The value is not a JSON object with a `resourceType`.
    case notAResource
    /// The profile does not serve this type.
    case typeNotServed(String)
    /// The type is one the research view never serves (``DeidentificationEngine/neverServedTypes``).
    case neverServed(String)
    /// The resource's id has no pseudonym (``Pseudonymizer`` gave none).
    case noPseudonym(resourceType: String, id: String)
    /// The resource has a modifier extension no rule lets through: without it the resource
    /// would mean something else, so it is not served at all.
    case unknownModifierExtension(url: String)

    /// For people.
    public var description: String {
        switch self {
        case .notAResource: "not a FHIR resource"
        case .typeNotServed(let type): "\(type) is not served by the de-identified view"
        case .neverServed(let type): "\(type) is never served by the de-identified view"
        case .noPseudonym(let type, _): "a \(type) without a pseudonym cannot be served de-identified"
        case .unknownModifierExtension(let url): "the modifier extension \(url) is not allowed by the de-identification rules"
        }
    }
}
