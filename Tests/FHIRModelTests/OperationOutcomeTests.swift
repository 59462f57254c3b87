import FHIRModel
import Testing

@Suite struct OperationOutcomeTests {
    @Test func resourceTypeComesFirst() {
        let outcome = OperationOutcome.json([OperationOutcomeIssue(severity: .error, code: .invalid, diagnostics: "x")])
        #expect(outcome.objectValue?.keys == ["resourceType", "issue"])
        #expect(outcome["resourceType"] == "OperationOutcome")
    }

    @Test func issueHasSeverityCodeDiagnosticsAndExpression() {
        let issue = OperationOutcomeIssue(severity: .warning, code: .codeInvalid, diagnostics: "Unknown code", expression: ["Observation.code", "Observation.status"])
        let outcome = OperationOutcome.json([issue])
        #expect(outcome.jsonString == #"{"resourceType":"OperationOutcome","issue":[{"severity":"warning","code":"code-invalid","diagnostics":"Unknown code","expression":["Observation.code","Observation.status"]}]}"#)
    }

    @Test func expressionIsLeftOutWhenEmpty() {
        let issue = OperationOutcomeIssue(severity: .fatal, code: .exception, diagnostics: "boom")
        #expect(issue.json.objectValue?.keys == ["severity", "code", "diagnostics"])
    }

    @Test func keepsIssueOrder() {
        let outcome = OperationOutcome.json([
            OperationOutcomeIssue(severity: .error, code: .required, diagnostics: "one"),
            OperationOutcomeIssue(severity: .information, code: .informational, diagnostics: "two"),
        ])
        #expect(outcome["issue"]?.arrayValue?.compactMap { $0["diagnostics"]?.stringValue } == ["one", "two"])
    }

    @Test func noIssuesGivesOneAllOKIssue() {
        let outcome = OperationOutcome.json([])
        #expect(outcome.jsonString == #"{"resourceType":"OperationOutcome","issue":[{"severity":"information","code":"informational","diagnostics":"All OK"}]}"#)
    }

    @Test func informationOutcome() {
        let outcome = OperationOutcome.information("Deleted 3 resources")
        #expect(outcome["issue"]?.arrayValue?.first == ["severity": "information", "code": "informational", "diagnostics": "Deleted 3 resources"])
    }

    @Test func codesUseTheirFHIRSpelling() {
        #expect(IssueType.notSupported.rawValue == "not-supported")
        #expect(IssueType.multipleMatches.rawValue == "multiple-matches")
        #expect(IssueType.notFound.rawValue == "not-found")
        #expect(IssueType.tooLong.rawValue == "too-long")
        #expect(IssueType.tooCostly.rawValue == "too-costly")
        #expect(IssueType.businessRule.rawValue == "business-rule")
        #expect(IssueSeverity.allCases.map(\.rawValue) == ["fatal", "error", "warning", "information"])
    }
}
