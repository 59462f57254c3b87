/// A compartment (CompartmentDefinition): the search parameters that link each resource type to
/// the compartment's owner.
///
/// ```swift
/// let patient = catalog.patientCompartment
/// patient.parameters(for: "Observation")  // ["subject", "performer"]
/// patient.parameters(for: "Library")      // [] (not in the compartment)
/// ```
public struct CompartmentDefinition: Sendable, Hashable {
    /// The compartment type: `Patient`, `Encounter`, `RelatedPerson`, `Practitioner` or `Device`.
    public let code: String
    /// The canonical URL, such as `http://hl7.org/fhir/CompartmentDefinition/patient`.
    public let url: String
    /// Whether the compartment may be searched (`GET [base]/Patient/123/Observation`).
    public let isSearchable: Bool

    private let parametersByResourceType: [String: [String]]

    /// A compartment with, for each member resource type, the parameters that link it to the owner.
    /// Resource types with no parameters are not members and are dropped.
    public init(code: String, url: String, isSearchable: Bool = true, parametersByResourceType: [String: [String]]) {
        self.code = code
        self.url = url
        self.isSearchable = isSearchable
        self.parametersByResourceType = parametersByResourceType.filter { !$0.value.isEmpty }
    }

    /// The resource types in the compartment (those with at least one linking parameter), sorted.
    public var resourceTypes: [String] {
        parametersByResourceType.keys.sorted()
    }

    /// The names of the search parameters that link `resourceType` to the owner, in the
    /// definition's order; empty when the type is not in the compartment.
    public func parameters(for resourceType: String) -> [String] {
        parametersByResourceType[resourceType] ?? []
    }

    /// Whether resources of `resourceType` can belong to the compartment.
    public func contains(resourceType: String) -> Bool {
        parametersByResourceType[resourceType] != nil
    }
}
