/// OperationOutcome.issue.severity (required binding to http://hl7.org/fhir/issue-severity).
public enum IssueSeverity: String, Sendable, Hashable, CaseIterable {
    /// The issue caused the action to fail.
    case fatal
    /// The issue is sufficiently important to cause the action to fail.
    case error
    /// The issue is not important enough to cause the action to fail.
    case warning
    /// The issue has no relation to the degree of success of the action.
    case information
}
