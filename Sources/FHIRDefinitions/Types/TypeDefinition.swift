/// One resource or datatype and its elements, from the snapshot of its StructureDefinition.
///
/// ```swift
/// let patient = catalog.typeModel.type(named: "Patient")!
/// patient.kind          // .resource
/// patient.baseTypeName  // "DomainResource"
/// patient.children(ofPath: "Patient").map(\.name)  // ["id", "meta", "implicitRules", …]
/// ```
public struct TypeDefinition: Sendable, Equatable {
    /// The type name, such as `Patient`, `HumanName`, `string` or `SimpleQuantity`.
    public let name: String
    /// Whether this is a primitive type, complex type, resource or logical model.
    public let kind: TypeKind
    /// Whether the type is abstract (no instance has it as its own type), such as `Resource`.
    public let isAbstract: Bool
    /// How the type relates to its base; nil for the roots `Element` and `Resource`.
    public let derivation: TypeDerivation?
    /// The name of the type this one derives from; nil for the roots `Element` and `Resource`.
    public let baseTypeName: String?
    /// The canonical URL of the StructureDefinition.
    public let url: String
    /// The elements in snapshot order; the first is the root element, whose path is the type's path.
    public let elements: [ElementDefinition]

    private let indexByPath: [String: Int]
    private let childIndicesByPath: [String: [Int]]

    /// A type with the given parts; `elements` must be in snapshot order.
    public init(
        name: String,
        kind: TypeKind,
        isAbstract: Bool,
        derivation: TypeDerivation?,
        baseTypeName: String?,
        url: String,
        elements: [ElementDefinition]
    ) {
        self.name = name
        self.kind = kind
        self.isAbstract = isAbstract
        self.derivation = derivation
        self.baseTypeName = baseTypeName
        self.url = url
        self.elements = elements
        var indexByPath: [String: Int] = [:]
        var childIndicesByPath: [String: [Int]] = [:]
        indexByPath.reserveCapacity(elements.count)
        for (index, element) in elements.enumerated() {
            indexByPath[element.path] = index
            if let parent = element.parentPath { childIndicesByPath[parent, default: []].append(index) }
        }
        self.indexByPath = indexByPath
        self.childIndicesByPath = childIndicesByPath
    }

    /// The root element (the snapshot's first), which holds the type-wide invariants.
    public var rootElement: ElementDefinition? { elements.first }

    /// The path of the root element. It is the type name except for constrained types, whose
    /// snapshot keeps the base type's paths (`SimpleQuantity` has `Quantity.value`).
    public var rootPath: String { elements.first?.path ?? name }

    /// Whether this is a resource that can be instantiated (not `Resource` or `DomainResource`).
    public var isConcreteResource: Bool { kind == .resource && !isAbstract }

    /// The element with exactly this snapshot path, such as `Observation.referenceRange.low`.
    public func element(atPath path: String) -> ElementDefinition? {
        indexByPath[path].map { elements[$0] }
    }

    /// The elements directly below `path` in this type's snapshot, in snapshot order. Elements of
    /// other types (a `code` of type CodeableConcept) are resolved by ``TypeModel/children(of:)``.
    public func children(ofPath path: String) -> [ElementDefinition] {
        guard let indices = childIndicesByPath[path] else { return [] }
        return indices.map { elements[$0] }
    }

    /// Whether the snapshot defines elements below `path` (a backbone element or the root).
    public func hasChildren(atPath path: String) -> Bool {
        childIndicesByPath[path] != nil
    }
}
