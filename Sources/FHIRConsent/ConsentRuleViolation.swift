/// A Consent that breaks one of the rules a written Consent must keep (see ``ConsentRules``):
/// the rule's key, the element that breaks it and what to do about it.
public struct ConsentRuleViolation: Error, Sendable, Hashable, CustomStringConvertible {
    /// The rule: an R4 invariant (`ppc-1` … `ppc-5`) or one of Kiln's (`kiln-consent-…`).
    public var rule: String
    /// The element, as a FHIRPath from `Consent` (`Consent.provision.provision[0].type`).
    public var expression: String
    /// What is wrong and how to fix it, for a person.
    public var message: String

    /// A violation.
    public init(rule: String, expression: String, message: String) {
        self.rule = rule
        self.expression = expression
        self.message = message
    }

    /// `rule: message (at expression)`.
    public var description: String { "\(rule): \(message) (at \(expression))" }
}
