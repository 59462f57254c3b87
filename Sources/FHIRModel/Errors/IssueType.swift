/// OperationOutcome.issue.code: the subset of http://hl7.org/fhir/issue-type that Kiln reports.
public enum IssueType: String, Sendable, Hashable, CaseIterable {
    /// Content invalid against the specification or a profile.
    case invalid
    /// A structural issue in the content, such as wrong JSON.
    case structure
    /// A required element is missing.
    case required
    /// An element or header value is invalid.
    case value
    /// A content validation rule failed.
    case invariant
    /// The client needs to authenticate.
    case login
    /// The user or system was not able to be authenticated.
    case unknown
    /// The user may not perform the requested operation.
    case forbidden
    /// Processing issues, such as a resource too large.
    case processing
    /// The interaction, operation, resource or profile is not supported.
    case notSupported = "not-supported"
    /// An attempt was made to create a duplicate record.
    case duplicate
    /// Multiple matching records were found when the operation required only one match.
    case multipleMatches = "multiple-matches"
    /// The reference provided was not found.
    case notFound = "not-found"
    /// The reference pointed to content that has been deleted.
    case deleted
    /// Provided content is too long.
    case tooLong = "too-long"
    /// The code or system could not be understood.
    case codeInvalid = "code-invalid"
    /// Some of the content is not understood or supported.
    case conflict
    /// The operation failed because of a transient issue; the client may retry.
    case transient
    /// The system is not prepared to handle this request due to load.
    case throttled
    /// An unexpected internal error has occurred.
    case exception
    /// The processing was informational only.
    case informational
    /// Too many matches or too much data was requested.
    case tooCostly = "too-costly"
    /// The resource or element was not found because it was deleted or is a version conflict.
    case businessRule = "business-rule"
    /// The operation completed successfully.
    case success
}
