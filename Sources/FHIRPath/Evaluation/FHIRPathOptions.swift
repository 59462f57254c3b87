public import FHIRDefinitions

/// How an expression is checked and which type model it navigates with.
public struct FHIRPathOptions: Sendable {
    /// The FHIR type model: element types, choice elements, type tests. Nil navigates untyped JSON.
    public var typeModel: TypeModel?
    /// Strict mode: names that are not elements of the type (`name.given1`, `Observation.valueQuantity`,
    /// a root type that does not match) and order-dependent functions on unordered collections
    /// (`children().skip(1)`) are semantic errors instead of empty results.
    public var strict: Bool

    /// Options with the given model and mode.
    public init(typeModel: TypeModel?, strict: Bool = false) {
        self.typeModel = typeModel
        self.strict = strict
    }

    /// Non-strict options with the process's default definitions (``DefinitionsCatalog/loadDefault(explicitDirectory:)``),
    /// or without a type model when no definitions are found.
    public static var standard: FHIRPathOptions {
        FHIRPathOptions(typeModel: try? DefinitionsCatalog.loadDefault().typeModel)
    }
}
