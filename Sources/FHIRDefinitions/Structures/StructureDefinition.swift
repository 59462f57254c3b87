public import FHIRModel

/// A StructureDefinition as the validator reads it: a base resource or datatype, a profile that
/// constrains one, an extension definition or a logical model, with its snapshot and differential.
///
/// Only what validation and snapshot generation need is kept; narrative, mappings and
/// documentation are dropped when the definition is read.
///
/// ```swift
/// let definition = try StructureDefinition(json: parsed)
/// definition.type                 // "Observation"
/// definition.derivation           // .constraint
/// definition.snapshot.first?.path // "Observation"
/// ```
public struct StructureDefinition: Sendable, Hashable {
    /// The canonical URL.
    public var url: String
    /// The business version, if any.
    public var version: String?
    /// The computer-friendly name.
    public var name: String
    /// The human-friendly title, if any.
    public var title: String?
    /// The publication status (`draft`, `active`, `retired`, `unknown`).
    public var status: String?
    /// Whether this is a primitive type, complex type, resource or logical model.
    public var kind: TypeKind
    /// Whether the type is abstract.
    public var isAbstract: Bool
    /// The type constrained or defined: `Observation`, `Extension`, or a URL for logical models.
    public var type: String
    /// The canonical URL of the definition this one derives from; nil for `Element` and `Resource`.
    public var baseDefinition: String?
    /// `specialization` for base types, `constraint` for profiles; nil for the roots.
    public var derivation: TypeDerivation?
    /// Where an extension may be used; empty for other definitions.
    public var contexts: [ExtensionContext]
    /// FHIRPath invariants that must hold where an extension is used.
    public var contextInvariants: [String]
    /// The complete element list; empty when the definition came with a differential only and no
    /// snapshot has been generated yet.
    public var snapshot: [StructureElement]
    /// The elements that differ from the base definition; may be empty for base types.
    public var differential: [StructureElement]

    /// A definition with the given parts.
    public init(
        url: String,
        version: String? = nil,
        name: String,
        title: String? = nil,
        status: String? = nil,
        kind: TypeKind,
        isAbstract: Bool = false,
        type: String,
        baseDefinition: String? = nil,
        derivation: TypeDerivation? = nil,
        contexts: [ExtensionContext] = [],
        contextInvariants: [String] = [],
        snapshot: [StructureElement] = [],
        differential: [StructureElement] = []
    ) {
        self.url = url
        self.version = version
        self.name = name
        self.title = title
        self.status = status
        self.kind = kind
        self.isAbstract = isAbstract
        self.type = type
        self.baseDefinition = baseDefinition
        self.derivation = derivation
        self.contexts = contexts
        self.contextInvariants = contextInvariants
        self.snapshot = snapshot
        self.differential = differential
    }

    /// Whether this is a profile (a constraint on another definition) rather than a base type.
    public var isProfile: Bool { derivation == .constraint }

    /// Whether this defines an extension.
    public var isExtension: Bool { type == "Extension" && derivation == .constraint }

    /// The root element of the snapshot.
    public var rootElement: StructureElement? { snapshot.first }

    /// The snapshot element with this id, such as `Observation.category:VSCat.coding`.
    public func snapshotElement(id: String) -> StructureElement? {
        snapshot.first { $0.id == id }
    }
}

/// Where an extension may appear (StructureDefinition.context).
public struct ExtensionContext: Sendable, Hashable {
    /// How ``expression`` is read.
    public enum Kind: String, Sendable, Hashable, CaseIterable {
        /// An element path such as `Patient` or `Address.line`.
        case element
        /// The canonical URL of another extension (optionally `#` and an element inside it).
        case `extension`
        /// A FHIRPath expression that selects the element.
        case fhirpath
    }

    /// How ``expression`` is read.
    public var kind: Kind
    /// The path, extension URL or FHIRPath expression.
    public var expression: String

    /// A context.
    public init(kind: Kind, expression: String) {
        self.kind = kind
        self.expression = expression
    }
}
