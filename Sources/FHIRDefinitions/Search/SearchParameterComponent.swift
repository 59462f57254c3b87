/// One part of a composite search parameter (SearchParameter.component).
///
/// `Observation` `code-value-quantity` has the components `code` (expression `code`) and
/// `value-quantity` (expression `value.as(Quantity)`), evaluated on each Observation.
public struct SearchParameterComponent: Sendable, Hashable {
    /// The canonical URL of the parameter that defines how this part is matched.
    public let definition: String
    /// The FHIRPath expression of the part, relative to what the composite's expression selects.
    public let expression: String

    /// A component with the given definition and expression.
    public init(definition: String, expression: String) {
        self.definition = definition
        self.expression = expression
    }
}
