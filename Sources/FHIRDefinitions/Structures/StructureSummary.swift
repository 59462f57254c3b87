/// What an index says about a StructureDefinition without reading it: enough to list
/// definitions and to find the file that holds one.
public struct StructureSummary: Sendable, Hashable {
    /// The canonical URL.
    public var url: String
    /// The business version, if any.
    public var version: String?
    /// The computer-friendly name.
    public var name: String
    /// The human-friendly title, if any.
    public var title: String?
    /// The type constrained or defined, such as `Observation` or `Extension`.
    public var type: String
    /// Whether this is a primitive type, complex type, resource or logical model.
    public var kind: TypeKind
    /// `specialization` for base types, `constraint` for profiles; nil for the roots.
    public var derivation: TypeDerivation?
    /// The canonical URL of the definition this one derives from.
    public var baseDefinition: String?

    /// A summary with the given parts.
    public init(url: String, version: String? = nil, name: String, title: String? = nil, type: String, kind: TypeKind, derivation: TypeDerivation? = nil, baseDefinition: String? = nil) {
        self.url = url
        self.version = version
        self.name = name
        self.title = title
        self.type = type
        self.kind = kind
        self.derivation = derivation
        self.baseDefinition = baseDefinition
    }

    /// The summary of a definition.
    public init(_ definition: StructureDefinition) {
        self.init(
            url: definition.url, version: definition.version, name: definition.name, title: definition.title,
            type: definition.type, kind: definition.kind, derivation: definition.derivation, baseDefinition: definition.baseDefinition
        )
    }

    /// Whether this is a profile (a constraint on another definition) rather than a base type.
    public var isProfile: Bool { derivation == .constraint }

    /// Whether this defines an extension.
    public var isExtension: Bool { type == "Extension" && derivation == .constraint }
}
