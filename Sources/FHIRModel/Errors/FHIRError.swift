/// A FHIR error: the HTTP status and the OperationOutcome issues that explain it.
///
/// Every failure in Kiln becomes one of these, and the server turns it into a response in exactly
/// one place, so no error leaves without an OperationOutcome.
///
/// ```swift
/// throw FHIRError.notFound("Patient/123 is not known")
/// ```
public struct FHIRError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The HTTP status code.
    public var status: Int
    /// The issues; at least one.
    public var issues: [OperationOutcomeIssue]
    /// Extra response headers, such as `Allow` for 405.
    public var headers: [String: String]

    /// An error with a status and issues.
    public init(status: Int, issues: [OperationOutcomeIssue], headers: [String: String] = [:]) {
        self.status = status
        self.issues = issues
        self.headers = headers
    }

    /// An error with a status and one error issue.
    public init(status: Int, code: IssueType, _ diagnostics: String, expression: [String] = []) {
        self.init(status: status, issues: [OperationOutcomeIssue(severity: .error, code: code, diagnostics: diagnostics, expression: expression)])
    }

    /// The diagnostics of every issue, joined.
    public var description: String {
        "HTTP \(status): " + issues.map(\.diagnostics).joined(separator: "; ")
    }

    /// The OperationOutcome resource for this error.
    public var operationOutcome: JSONValue { OperationOutcome.json(issues) }

    /// 400: the request is malformed (syntax, wrong header, wrong id).
    public static func badRequest(_ diagnostics: String, code: IssueType = .invalid, expression: [String] = []) -> FHIRError {
        FHIRError(status: 400, code: code, diagnostics, expression: expression)
    }

    /// 401: the request needs authentication.
    public static func unauthorized(_ diagnostics: String) -> FHIRError {
        FHIRError(status: 401, code: .login, diagnostics)
    }

    /// 403: the caller may not do this.
    public static func forbidden(_ diagnostics: String) -> FHIRError {
        FHIRError(status: 403, code: .forbidden, diagnostics)
    }

    /// 404: the resource type or resource is not known.
    public static func notFound(_ diagnostics: String) -> FHIRError {
        FHIRError(status: 404, code: .notFound, diagnostics)
    }

    /// 405: the interaction is not allowed on this URL.
    public static func methodNotAllowed(_ diagnostics: String, allow: [String]) -> FHIRError {
        FHIRError(status: 405, issues: [OperationOutcomeIssue(severity: .error, code: .notSupported, diagnostics: diagnostics)], headers: ["Allow": allow.joined(separator: ", ")])
    }

    /// 406: the requested format cannot be produced.
    public static func notAcceptable(_ diagnostics: String) -> FHIRError {
        FHIRError(status: 406, code: .notSupported, diagnostics)
    }

    /// 409: the request conflicts with the current state (such as a version conflict without If-Match).
    public static func conflict(_ diagnostics: String, code: IssueType = .conflict) -> FHIRError {
        FHIRError(status: 409, code: code, diagnostics)
    }

    /// 410: the resource was deleted.
    public static func gone(_ diagnostics: String) -> FHIRError {
        FHIRError(status: 410, code: .deleted, diagnostics)
    }

    /// 412: a precondition (If-Match, or a conditional match count) failed.
    public static func preconditionFailed(_ diagnostics: String, code: IssueType = .conflict) -> FHIRError {
        FHIRError(status: 412, code: code, diagnostics)
    }

    /// 413: the body is larger than the limit.
    public static func payloadTooLarge(_ diagnostics: String) -> FHIRError {
        FHIRError(status: 413, code: .tooLong, diagnostics)
    }

    /// 415: the body's Content-Type is not one Kiln reads.
    public static func unsupportedMediaType(_ diagnostics: String) -> FHIRError {
        FHIRError(status: 415, code: .notSupported, diagnostics)
    }

    /// 422: the content is well-formed but not valid.
    public static func unprocessable(_ diagnostics: String, code: IssueType = .invalid, expression: [String] = []) -> FHIRError {
        FHIRError(status: 422, code: code, diagnostics, expression: expression)
    }

    /// 500: something failed inside Kiln; the message is for the log, the client gets a generic one.
    public static func internalError(_ diagnostics: String) -> FHIRError {
        FHIRError(status: 500, code: .exception, diagnostics)
    }

    /// 503: a dependency (the database) is unavailable; the client may retry.
    public static func unavailable(_ diagnostics: String) -> FHIRError {
        FHIRError(status: 503, code: .transient, diagnostics)
    }
}
