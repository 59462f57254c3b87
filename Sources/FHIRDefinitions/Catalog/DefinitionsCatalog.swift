/// The compiled FHIR definitions Kiln runs on: the type model, the search parameters and the
/// compartments, with the lookups the server needs.
///
/// ```swift
/// let catalog = try DefinitionsCatalog.loadDefault()
/// catalog.typeModel.isResourceType("Observation")             // true
/// catalog.searchParameter(named: "_id", for: "Observation")   // Resource-id
/// catalog.patientCompartment.parameters(for: "Observation")   // ["subject", "performer"]
/// ```
public struct DefinitionsCatalog: Sendable {
    /// What the compiled directory holds.
    public let manifest: DefinitionsManifest
    /// Every resource and datatype.
    public let typeModel: TypeModel
    /// Every search parameter, in the order of the specification's bundle.
    public let searchParameters: [SearchParameterDefinition]
    /// Every compartment, sorted by code.
    public let compartments: [CompartmentDefinition]
    /// The Patient compartment.
    public let patientCompartment: CompartmentDefinition

    private let parameterIndicesByResourceType: [String: [Int]]
    private let parameterIndexByResourceTypeAndCode: [String: [String: Int]]
    private let parameterIndexByURL: [String: Int]

    /// A catalog of the given definitions; it must include the Patient compartment.
    public init(manifest: DefinitionsManifest, typeModel: TypeModel, searchParameters: [SearchParameterDefinition], compartments: [CompartmentDefinition]) throws {
        guard let patient = compartments.first(where: { $0.code == "Patient" }) else {
            throw DefinitionsError(.malformed, "The definitions have no Patient compartment")
        }
        self.manifest = manifest
        self.typeModel = typeModel
        self.searchParameters = searchParameters
        self.compartments = compartments.sorted { $0.code < $1.code }
        self.patientCompartment = patient

        var indicesByBase: [String: [Int]] = [:]
        var indexByURL: [String: Int] = [:]
        for (index, parameter) in searchParameters.enumerated() {
            for base in parameter.base { indicesByBase[base, default: []].append(index) }
            indexByURL[parameter.url] = indexByURL[parameter.url] ?? index
        }
        var indicesByType: [String: [Int]] = [:]
        var indexByTypeAndCode: [String: [String: Int]] = [:]
        for type in typeModel.types where type.kind == .resource {
            var indices: [Int] = []
            var byCode: [String: Int] = [:]
            for name in [type.name] + typeModel.baseTypeNames(of: type.name) {
                for index in indicesByBase[name] ?? [] where byCode[searchParameters[index].code] == nil {
                    byCode[searchParameters[index].code] = index
                    indices.append(index)
                }
            }
            indicesByType[type.name] = indices
            indexByTypeAndCode[type.name] = byCode
        }
        self.parameterIndicesByResourceType = indicesByType
        self.parameterIndexByResourceTypeAndCode = indexByTypeAndCode
        self.parameterIndexByURL = indexByURL
    }

    /// The search parameters of `resourceType`: its own, then those of `DomainResource` and
    /// `Resource` it inherits (`_id`, `_lastUpdated`, …). Where an own parameter and an inherited
    /// one share a code, the own one wins. Empty for unknown types.
    public func searchParameters(for resourceType: String) -> [SearchParameterDefinition] {
        (parameterIndicesByResourceType[resourceType] ?? []).map { searchParameters[$0] }
    }

    /// The search parameter `code` of `resourceType`, own or inherited, such as `subject` of `Observation`.
    public func searchParameter(named code: String, for resourceType: String) -> SearchParameterDefinition? {
        parameterIndexByResourceTypeAndCode[resourceType]?[code].map { searchParameters[$0] }
    }

    /// The search parameter with this canonical URL, as composite components name their parts.
    public func searchParameter(url: String) -> SearchParameterDefinition? {
        parameterIndexByURL[url].map { searchParameters[$0] }
    }

    /// The compartment with this code, such as `Patient` or `Encounter`.
    public func compartment(code: String) -> CompartmentDefinition? {
        compartments.first { $0.code == code }
    }
}
