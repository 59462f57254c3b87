import FHIRDefinitions
import FHIRPath
import FHIRTerminology

/// What the indexer evaluates on every resource of one type: the compiled expressions of its
/// indexed parameters, and of the Patient compartment parameters that are not among them.
struct IndexPlan: Sendable {
    /// The supported parameters other than `_id` and `_lastUpdated` whose expressions compiled.
    let parameters: [IndexedParameter]
    /// The Patient compartment parameters of the type that ``parameters`` does not hold.
    let compartmentOnlyParameters: [IndexedParameter]
    /// The names of the parameters linking the type to the Patient compartment, in the definition's order.
    let compartmentParameterCodes: [String]

    /// The plan of `resourceType`; a parameter whose expression (or any of whose composite
    /// components) does not compile is left out. `terminology` gives the systems of bound
    /// `code` elements (see ``BoundCodeSystem``); without it they are indexed without one.
    init(resourceType: String, registry: SearchRegistry, terminology: TerminologyService?) {
        let catalog = registry.catalog
        let options = FHIRPathOptions(typeModel: catalog.typeModel, strict: false)
        var parameters: [IndexedParameter] = []
        for supported in registry.supportedParameters(for: resourceType) where !Self.columnParameters.contains(supported.code) {
            guard let text = supported.expression,
                  var parameter = IndexedParameter(supported: supported, expression: text, options: options) else { continue }
            if let terminology {
                parameter.codeSystem = BoundCodeSystem.system(of: supported, typeModel: catalog.typeModel, terminology: terminology)
            }
            parameters.append(parameter)
        }
        let indexedCodes = Set(parameters.map(\.code))
        let compartmentCodes = catalog.patientCompartment.parameters(for: resourceType)
        var compartmentOnly: [IndexedParameter] = []
        for code in compartmentCodes where !indexedCodes.contains(code) {
            guard let definition = catalog.searchParameter(named: code, for: resourceType),
                  definition.type == .reference,
                  let text = definition.expression(for: resourceType),
                  let expression = IndexedParameter.compile(text, options: options) else { continue }
            compartmentOnly.append(IndexedParameter(code: code, type: .reference, expression: expression, components: []))
        }
        self.parameters = parameters
        self.compartmentOnlyParameters = compartmentOnly
        self.compartmentParameterCodes = compartmentCodes
    }

    /// The parameters stored as columns of the resource table rather than as rows.
    static let columnParameters: Set<String> = ["_id", "_lastUpdated"]
}

/// One parameter as the indexer evaluates it.
struct IndexedParameter: Sendable {
    /// The parameter code.
    let code: String
    /// The parameter type, which decides the kind of rows.
    let type: SearchParameterType
    /// The expression selecting the values (for a composite, the elements its components are evaluated on).
    let expression: FHIRPathExpression
    /// For a composite: its components, in order.
    let components: [IndexedComponent]
    /// For a token parameter: the system of the `code` elements it selects, which carry none.
    var codeSystem: String?

    init(code: String, type: SearchParameterType, expression: FHIRPathExpression, components: [IndexedComponent]) {
        self.code = code
        self.type = type
        self.expression = expression
        self.components = components
    }

    /// The indexed form of `supported` with `expression`; nil when an expression does not compile.
    init?(supported: SupportedSearchParameter, expression text: String, options: FHIRPathOptions) {
        guard let expression = Self.compile(text, options: options) else { return nil }
        var components: [IndexedComponent] = []
        if supported.type == .composite {
            let parts = supported.definition.components
            guard parts.count == supported.components.count else { return nil }
            for (part, definition) in zip(parts, supported.components) {
                guard let compiled = Self.compile(part.expression, options: options) else { return nil }
                components.append(IndexedComponent(type: definition.type, expression: compiled))
            }
        }
        self.init(code: supported.code, type: supported.type, expression: expression, components: components)
    }

    /// `text` compiled in the indexer's form (see ``IndexExpressionText``); nil when it does not compile.
    static func compile(_ text: String, options: FHIRPathOptions) -> FHIRPathExpression? {
        try? FHIRPathExpression(IndexExpressionText.indexable(text), options: options)
    }
}

/// One component of a composite parameter.
struct IndexedComponent: Sendable {
    /// How the component's values are matched.
    let type: SearchParameterType
    /// The component's expression, relative to an element the composite's expression selects.
    let expression: FHIRPathExpression
}
