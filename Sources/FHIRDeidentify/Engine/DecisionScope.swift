import FHIRDefinitions
import Synchronization

/// The decisions for the members of one kind of object: a resource, a datatype, or a backbone
/// element inside one (`Observation.component`). Each member's decision is made once — its path
/// resolved in the type model, its kind and choice stem worked out, its method chosen, which
/// costs more than the rest of de-identifying the element — and then found by the member's name.
///
/// A decision depends on the path alone (a path names its root type, its choice stems and its
/// datatype), so every request of every research project with this profile shares the scopes.
final class DecisionScope: Sendable {
    /// The most member names a scope keeps decisions for: more than any FHIR type has elements
    /// (choices included); beyond it decisions are made again each time, a bound on memory for
    /// resources with unbounded unknown member names.
    static let capacity = 1_024

    /// The type the paths start at: the resource's, or the datatype entered last.
    let root: String
    /// The bases of ``root`` (`DomainResource`, `Resource`), for their path rules.
    let rootBases: [String]
    /// The path of the objects, as written (`Observation.component`).
    let path: String
    /// The path with choice stems (`Observation.value`).
    let stemPath: String
    /// Whether this is a resource's own scope, whose `resourceType` and `id` are its own.
    let isResource: Bool

    private let members = Mutex<[String: MemberDecision?]>([:])

    /// A scope at `path` under `root`.
    init(root: String, rootBases: [String], path: String, stemPath: String, isResource: Bool) {
        self.root = root
        self.rootBases = rootBases
        self.path = path
        self.stemPath = stemPath
        self.isResource = isResource
    }

    /// The decision recorded for the member `key`: nil when none is yet, `.some(nil)` when the
    /// member was found not to resolve.
    func recorded(_ key: String) -> MemberDecision?? {
        members.withLock { $0[key] }
    }

    /// Records the decision for the member `key` (nil: it does not resolve).
    func record(_ decision: MemberDecision?, for key: String) {
        members.withLock { members in
            if members.count < Self.capacity { members[key] = .some(decision) }
        }
    }
}

/// One member's decision in a ``DecisionScope``.
final class MemberDecision: Sendable {
    /// What the walk does with the member, worked out once with the decision.
    enum Action: Sendable {
        /// Removed.
        case remove
        /// Extensions, each kept only when its URL is allowed.
        case extensions(isModifier: Bool)
        /// A primitive kept as it is (any other JSON value is removed).
        case keepPrimitive
        /// An object kept with each of its members decided in the scope.
        case keepObject(DecisionScope)
        /// A method applied to the value.
        case apply(DeidentificationMethod)
    }

    /// The element's name in the type model (a choice's stem, `value`).
    let name: String
    /// Whether the choice may be a Range (an age band may then replace an Age).
    let allowsRange: Bool
    /// What sort of element it is.
    let kind: ElementKind
    /// What the walk does.
    let action: Action

    /// The decision for an element of `kind` under `method` (nil: removed); `children` is the
    /// scope of its own members (its backbone element's, or its complex datatype's), and
    /// `isPrimitive` whether its datatype is a primitive one.
    init(name: String, allowsRange: Bool, kind: ElementKind, method: DeidentificationMethod?, children: DecisionScope?, isPrimitive: Bool) {
        self.name = name
        self.allowsRange = allowsRange
        self.kind = kind
        if kind == .datatype("Extension") {
            action = .extensions(isModifier: name == "modifierExtension")
        } else if let method {
            switch (method, children) {
            case (.keep, .some(let children)): action = .keepObject(children)
            case (.keep, nil) where isPrimitive: action = .keepPrimitive
            default: action = .apply(method)
            }
        } else {
            action = .remove
        }
    }
}

/// The scopes that start at a type (a resource type or a datatype), shared by every copy of
/// an engine.
final class RootScopes: Sendable {
    private struct Key: Hashable {
        var type: String
        var isResource: Bool
    }

    private let scopes = Mutex<[Key: DecisionScope]>([:])

    /// An empty table.
    init() {}

    /// The scope of `type`, made on first use.
    func scope(of type: String, isResource: Bool, model: TypeModel) -> DecisionScope {
        let key = Key(type: type, isResource: isResource)
        if let known = scopes.withLock({ $0[key] }) { return known }
        let scope = DecisionScope(root: type, rootBases: model.baseTypeNames(of: type), path: type, stemPath: type, isResource: isResource)
        return scopes.withLock { scopes in
            if let known = scopes[key] { return known }
            if scopes.count < DecisionScope.capacity { scopes[key] = scope }
            return scope
        }
    }
}
