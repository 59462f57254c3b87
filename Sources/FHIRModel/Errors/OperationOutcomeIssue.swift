/// One issue of an OperationOutcome: what went wrong, how bad it is, and where.
public struct OperationOutcomeIssue: Sendable, Hashable {
    /// How bad the issue is.
    public var severity: IssueSeverity
    /// The kind of issue.
    public var code: IssueType
    /// A message a person can act on.
    public var diagnostics: String
    /// FHIRPath expressions pointing at the elements concerned.
    public var expression: [String]

    /// An issue with the given severity, code, message and locations.
    public init(severity: IssueSeverity, code: IssueType, diagnostics: String, expression: [String] = []) {
        self.severity = severity
        self.code = code
        self.diagnostics = diagnostics
        self.expression = expression
    }

    /// The JSON of `OperationOutcome.issue`.
    public var json: JSONValue {
        var object = JSONObject()
        object["severity"] = .string(severity.rawValue)
        object["code"] = .string(code.rawValue)
        object["diagnostics"] = .string(diagnostics)
        if !expression.isEmpty { object["expression"] = .array(expression.map { .string($0) }) }
        return .object(object)
    }
}

/// Builds OperationOutcome resources.
public enum OperationOutcome {
    /// An OperationOutcome with these issues. An empty list gets one informational "all OK" issue,
    /// as the resource requires at least one issue.
    public static func json(_ issues: [OperationOutcomeIssue]) -> JSONValue {
        let issues = issues.isEmpty
            ? [OperationOutcomeIssue(severity: .information, code: .informational, diagnostics: "All OK")]
            : issues
        return [
            "resourceType": "OperationOutcome",
            "issue": .array(issues.map(\.json)),
        ]
    }

    /// An OperationOutcome with one informational issue.
    public static func information(_ message: String) -> JSONValue {
        json([OperationOutcomeIssue(severity: .information, code: .informational, diagnostics: message)])
    }
}
