public import FHIRModel

/// What a validation found: issues with severity, code, message and a FHIRPath location.
///
/// ```swift
/// let outcome = validator.validate(patient)
/// outcome.hasErrors                 // false
/// outcome.operationOutcome          // {"resourceType": "OperationOutcome", …}
/// ```
public struct ValidationOutcome: Sendable, Hashable {
    /// The issues in the order found, without duplicates.
    public var issues: [OperationOutcomeIssue]

    /// An outcome.
    public init(issues: [OperationOutcomeIssue]) {
        self.issues = issues
    }

    /// Whether any issue is an error or fatal.
    public var hasErrors: Bool {
        issues.contains { $0.severity == .error || $0.severity == .fatal }
    }

    /// The issues that are errors or fatal.
    public var errors: [OperationOutcomeIssue] {
        issues.filter { $0.severity == .error || $0.severity == .fatal }
    }

    /// The issues that are warnings.
    public var warnings: [OperationOutcomeIssue] {
        issues.filter { $0.severity == .warning }
    }

    /// The outcome as an OperationOutcome resource; "All OK" information when there are no issues.
    public var operationOutcome: JSONValue {
        OperationOutcome.json(issues)
    }
}
