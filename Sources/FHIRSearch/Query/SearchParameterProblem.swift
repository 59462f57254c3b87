import FHIRModel

/// Why one search parameter cannot be used.
///
/// An ``Kind/unsupported`` problem (an unknown parameter, modifier or prefix) is skipped under
/// lenient handling and reported; an ``Kind/invalid`` one (a malformed value, a limit exceeded)
/// always refuses the search.
struct SearchParameterProblem: Error, Sendable {
    /// Whether lenient handling may skip the parameter.
    enum Kind: Sendable {
        /// The server does not know or support what was asked.
        case unsupported
        /// What was asked is malformed or not allowed.
        case invalid
    }

    /// Whether lenient handling may skip the parameter.
    var kind: Kind
    /// A sentence a person can act on, naming the parameter.
    var message: String
    /// The parameter as written, for the issue's expression.
    var parameter: String
    /// The issue type of the OperationOutcome.
    var issueType: IssueType

    /// Something the server does not support.
    static func unsupported(_ message: String, parameter: String) -> SearchParameterProblem {
        SearchParameterProblem(kind: .unsupported, message: message, parameter: parameter, issueType: .notSupported)
    }

    /// Something malformed or not allowed.
    static func invalid(_ message: String, parameter: String, issueType: IssueType = .invalid) -> SearchParameterProblem {
        SearchParameterProblem(kind: .invalid, message: message, parameter: parameter, issueType: issueType)
    }

    /// The 400 response for the problem.
    var fhirError: FHIRError {
        FHIRError.badRequest(message, code: issueType, expression: [parameter])
    }
}
