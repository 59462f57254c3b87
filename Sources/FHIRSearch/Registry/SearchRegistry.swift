public import FHIRDefinitions

/// The one list of what Kiln's search supports: for each resource type, its parameters with the
/// modifiers and prefixes they accept, or why one is not supported.
///
/// The parser, the indexer, the CapabilityStatement and `docs/search.md` all read it, so what
/// the server advertises is what it does.
///
/// ```swift
/// let registry = SearchRegistry(catalog: catalog)
/// registry.parameter(named: "code", for: "Observation")?.modifiers  // [.missing, .not, .text, …]
/// registry.support(of: "near", for: "Location")                      // .unsupported("…")
/// ```
public struct SearchRegistry: Sendable {
    /// The definitions the parameters come from.
    public let catalog: DefinitionsCatalog

    /// The resource types the server guarantees full search for; every other type gets its
    /// parameters indexed the same way, but the documentation lists these.
    public static let documentedResourceTypes = ["Patient", "Observation", "DiagnosticReport", "Consent", "Provenance"]

    /// The result parameters every search accepts.
    public static let resultParameters = [
        "_count", "_sort", "_total", "_summary", "_elements", "_include", "_revinclude", "_cursor", "_format", "_pretty",
    ]

    /// The parameters of `Resource` and `DomainResource` that no search supports, with why.
    static let unsupportedCommonParameters: [String: String] = [
        "_text": "full-text search over the narrative is not supported",
        "_content": "full-text search over the whole resource is not supported",
        "_query": "named queries are not supported",
        "_list": "_list is not supported",
        "_filter": "_filter is not supported",
    ]

    /// The supported parameters of every resource type, by type and code, worked out once.
    private let supportedByType: [String: [String: SupportedSearchParameter]]
    /// The `_revinclude` values that reach each type.
    private let revIncludesByTarget: [String: [String]]

    /// A registry over `catalog`; the support of every parameter of every type is decided here, once.
    public init(catalog: DefinitionsCatalog) {
        self.catalog = catalog
        var supportedByType: [String: [String: SupportedSearchParameter]] = [:]
        var revIncludes: [String: [String]] = [:]
        for type in catalog.typeModel.types where type.kind == .resource {
            var supported: [String: SupportedSearchParameter] = [:]
            for definition in catalog.searchParameters(for: type.name) {
                guard case .supported(let parameter) = Self.support(of: definition, for: type.name, catalog: catalog) else { continue }
                supported[definition.code] = parameter
                if type.isConcreteResource, parameter.type == .reference {
                    for target in parameter.targets { revIncludes[target, default: []].append("\(type.name):\(definition.code)") }
                }
            }
            supportedByType[type.name] = supported
        }
        self.supportedByType = supportedByType
        self.revIncludesByTarget = revIncludes.mapValues { $0.sorted() }
    }

    /// The supported parameter `code` of `resourceType`; nil when unknown or not supported.
    public func parameter(named code: String, for resourceType: String) -> SupportedSearchParameter? {
        supportedByType[resourceType]?[code]
    }

    /// Whether `code` is a parameter of `resourceType` and whether Kiln supports it.
    public func support(of code: String, for resourceType: String) -> SearchParameterSupport? {
        catalog.searchParameter(named: code, for: resourceType).map { support(of: $0, for: resourceType) }
    }

    /// Whether Kiln supports `definition` on `resourceType`, and how.
    public func support(of definition: SearchParameterDefinition, for resourceType: String) -> SearchParameterSupport {
        if let supported = supportedByType[resourceType]?[definition.code], supported.definition == definition { return .supported(supported) }
        return Self.support(of: definition, for: resourceType, catalog: catalog)
    }

    private static func support(of definition: SearchParameterDefinition, for resourceType: String, catalog: DefinitionsCatalog) -> SearchParameterSupport {
        if let reason = Self.unsupportedCommonParameters[definition.code] { return .unsupported(reason) }
        if definition.code == "_id" || definition.code == "_lastUpdated" {
            return .supported(SupportedSearchParameter(definition: definition, resourceType: resourceType, expression: nil, components: []))
        }
        switch definition.type {
        case .special:
            return .unsupported("special parameters (\(definition.code)) have matching rules of their own, which Kiln does not implement")
        case .composite:
            var components: [SearchParameterDefinition] = []
            for component in definition.components {
                guard let part = catalog.searchParameter(url: component.definition) else {
                    return .unsupported("the component \(component.definition) is not a known search parameter")
                }
                components.append(part)
            }
            guard components.count == 2, components[0].type == .token,
                  [.token, .quantity, .date, .string].contains(components[1].type) else {
                return .unsupported("only composites of a token and a token, quantity, date or string are supported")
            }
            fallthrough
        default:
            guard let expression = definition.expression(for: resourceType), !expression.isEmpty else {
                return .unsupported("the parameter has no FHIRPath expression to index")
            }
            if definition.xpathUsage == .phonetic {
                return .unsupported("phonetic matching is not supported")
            }
            let components = definition.components.compactMap { catalog.searchParameter(url: $0.definition) }
            return .supported(SupportedSearchParameter(definition: definition, resourceType: resourceType, expression: expression, components: components))
        }
    }

    /// Every parameter of `resourceType` with its support, in the specification's order.
    public func parameters(for resourceType: String) -> [(definition: SearchParameterDefinition, support: SearchParameterSupport)] {
        catalog.searchParameters(for: resourceType).map { ($0, support(of: $0, for: resourceType)) }
    }

    /// The supported parameters of `resourceType`, in the specification's order.
    public func supportedParameters(for resourceType: String) -> [SupportedSearchParameter] {
        let supported = supportedByType[resourceType] ?? [:]
        return catalog.searchParameters(for: resourceType).compactMap { supported[$0.code] }
    }
}

/// Whether a parameter is supported.
public enum SearchParameterSupport: Sendable, Hashable {
    /// Supported, as described.
    case supported(SupportedSearchParameter)
    /// Not supported, with why.
    case unsupported(String)
}

/// A supported parameter of one resource type: its definition, the expression that applies to
/// the type, and what it accepts.
public struct SupportedSearchParameter: Sendable, Hashable {
    /// The definition.
    public let definition: SearchParameterDefinition
    /// The resource type it is used on.
    public let resourceType: String
    /// The FHIRPath expression for the type (nil for `_id` and `_lastUpdated`, which are columns).
    public let expression: String?
    /// For composites: the definitions of the components, in order.
    public let components: [SearchParameterDefinition]

    /// A supported parameter.
    public init(definition: SearchParameterDefinition, resourceType: String, expression: String?, components: [SearchParameterDefinition]) {
        self.definition = definition
        self.resourceType = resourceType
        self.expression = expression
        self.components = components
    }

    /// The code used in queries.
    public var code: String { definition.code }

    /// The parameter type.
    public var type: SearchParameterType { definition.type }

    /// The modifiers accepted, beyond `:[Type]` on references.
    public var modifiers: [SearchModifier] {
        switch (definition.code, definition.type) {
        case ("_id", _): []
        case ("_lastUpdated", _): []
        case (_, .token):
            definition.code == "identifier" || definition.code.hasSuffix("-identifier")
                ? [.missing, .not, .text, .in, .notIn, .above, .below, .ofType]
                : [.missing, .not, .text, .in, .notIn, .above, .below]
        case (_, .string): [.missing, .exact, .contains]
        case (_, .reference): [.missing, .type, .identifier]
        case (_, .uri): [.missing, .below, .above]
        case (_, .date), (_, .number), (_, .quantity), (_, .composite): [.missing]
        case (_, .special): []
        }
    }

    /// The prefixes accepted (for date, number and quantity, and composites ending in one).
    public var comparators: [SearchComparator] {
        switch definition.type {
        case .date, .number, .quantity: SearchComparator.allCases
        case .composite where components.last.map({ [.date, .quantity, .number].contains($0.type) }) == true: SearchComparator.allCases
        default: []
        }
    }

    /// The resource types a reference parameter may point to.
    public var targets: [String] { definition.targets }
}

extension SearchRegistry {
    /// The parameters of a system-level search without `_type`: those every resource has.
    public func systemParameters() -> [SupportedSearchParameter] {
        supportedParameters(for: "Resource")
    }

    /// The `_revinclude` values that reach `resourceType`: `Source:parameter` for every
    /// reference parameter of every type that may point to it, sorted.
    public func revIncludes(targeting resourceType: String) -> [String] {
        revIncludesByTarget[resourceType] ?? []
    }
}

extension SupportedSearchParameter {
    /// What Kiln accepts for the parameter, in one line: its modifiers and prefixes.
    public var summary: String {
        var parts: [String] = []
        var modifiers = self.modifiers.map { ":\($0 == .ofType ? "of-type" : $0.rawValue)" }
        if type == .reference {
            modifiers = modifiers.map { $0 == ":type" ? ":[type]" : $0 }
            parts.append("chaining (two levels)")
        }
        if !modifiers.isEmpty { parts.append("modifiers " + modifiers.joined(separator: " ")) }
        if !comparators.isEmpty { parts.append("prefixes " + comparators.map(\.rawValue).joined(separator: " ")) }
        if type == .quantity { parts.append("compared in canonical UCUM units where the units convert") }
        return parts.isEmpty ? "supported" : parts.joined(separator: "; ")
    }
}
