/// Every resource and datatype of the FHIR version, by name: the one type model that FHIRPath,
/// search, validation and the REST layer read.
///
/// ```swift
/// let model = try DefinitionsCatalog.loadDefault().typeModel
/// model.isResourceType("Observation")              // true
/// model.element(path: "Patient.name")?.max          // nil (unbounded)
/// model.element(path: "Observation.valueQuantity")  // Observation.value[x]
/// ```
public struct TypeModel: Sendable {
    /// Every type, sorted by name.
    public let types: [TypeDefinition]
    /// The names of the resource types that can be instantiated (not `Resource` or `DomainResource`), sorted.
    public let resourceTypeNames: [String]

    private let typesByName: [String: TypeDefinition]
    private let resourceTypeNameSet: Set<String>

    /// A model of the given types; a later type with the same name replaces an earlier one.
    public init(types: [TypeDefinition]) {
        var typesByName: [String: TypeDefinition] = [:]
        typesByName.reserveCapacity(types.count)
        for type in types { typesByName[type.name] = type }
        self.typesByName = typesByName
        self.types = typesByName.values.sorted { $0.name < $1.name }
        self.resourceTypeNames = self.types.filter(\.isConcreteResource).map(\.name)
        self.resourceTypeNameSet = Set(resourceTypeNames)
    }

    /// The type with this name, such as `Patient`, `Quantity` or `dateTime`.
    public func type(named name: String) -> TypeDefinition? {
        typesByName[name]
    }

    /// Whether `name` is a resource type that can be instantiated; false for `Resource` and `DomainResource`.
    public func isResourceType(_ name: String) -> Bool {
        resourceTypeNameSet.contains(name)
    }

    /// Whether `name` is a primitive datatype, such as `string` or `dateTime`.
    public func isPrimitiveType(_ name: String) -> Bool {
        typesByName[name]?.kind == .primitiveType
    }

    /// Whether `name` is a complex datatype, such as `HumanName` or `Element`.
    public func isComplexType(_ name: String) -> Bool {
        typesByName[name]?.kind == .complexType
    }

    /// The names of the types `name` derives from, nearest first: `Patient` gives
    /// `["DomainResource", "Resource"]`. Empty for unknown types and roots.
    public func baseTypeNames(of name: String) -> [String] {
        var names: [String] = []
        var current = typesByName[name]?.baseTypeName
        while let base = current, !names.contains(base) {
            names.append(base)
            current = typesByName[base]?.baseTypeName
        }
        return names
    }

    /// Whether `name` is `ancestor` or derives from it: `Patient` is a `DomainResource` and a `Resource`.
    public func isType(_ name: String, derivedFrom ancestor: String) -> Bool {
        name == ancestor || baseTypeNames(of: name).contains(ancestor)
    }
}
