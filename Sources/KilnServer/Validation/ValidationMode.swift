/// What the server does when a resource it is asked to store fails validation.
public enum ValidationMode: String, Sendable, Hashable, CaseIterable {
    /// Store without validating.
    case off
    /// Validate and store anyway; the issues are logged and returned with
    /// `Prefer: return=OperationOutcome`.
    case warn
    /// Refuse a resource with errors: 422 with the OperationOutcome of the issues.
    case reject
}
