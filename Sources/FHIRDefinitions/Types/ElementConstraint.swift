/// An invariant on an element (ElementDefinition.constraint), checked with FHIRPath.
///
/// ```swift
/// let root = catalog.typeModel.element(path: "Observation")
/// root?.constraints.first { $0.key == "obs-6" }?.expression
/// // "dataAbsentReason.empty() or value.empty()"
/// ```
public struct ElementConstraint: Sendable, Hashable {
    /// The key, such as `ele-1` or `obs-6`; unique within one type only.
    public let key: String
    /// Whether failing makes the resource invalid or only draws attention to it.
    public let severity: ConstraintSeverity
    /// The rule in words, for messages.
    public let human: String
    /// The FHIRPath expression that must evaluate to true; nil in the rare invariants that have none.
    public let expression: String?
    /// The canonical URL of the definition the invariant was inherited from, when it was inherited.
    public let source: String?
    /// Whether the specification marks the invariant as best practice (reported as a warning).
    public let isBestPractice: Bool

    /// An invariant with the given parts.
    public init(key: String, severity: ConstraintSeverity, human: String, expression: String?, source: String? = nil, isBestPractice: Bool = false) {
        self.key = key
        self.severity = severity
        self.human = human
        self.expression = expression
        self.source = source
        self.isBestPractice = isBestPractice
    }
}
