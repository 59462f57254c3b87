public import FHIRTerminology

/// Answers the validator's terminology questions with Kiln's terminology service: the code
/// systems, value sets and concept maps it ships, plus those stored or supplied for a run.
public struct TerminologyCodeChecker: CodeChecker {
    /// The service asked.
    public let service: TerminologyService

    /// A checker over `service`.
    public init(service: TerminologyService) {
        self.service = service
    }

    /// Checks the code through ``TerminologyService/validateCode(_:)``.
    public func check(code: String, system: String?, display: String?, valueSet: String?) -> CodeCheck {
        let result = service.validateCode(CodeValidationRequest(system: system, code: code, display: display, valueSet: valueSet))
        let outcome: CodeCheck.Outcome
        switch result.outcome {
        case .valid: outcome = .valid
        case .invalid: outcome = .invalid
        case .cannotTell: outcome = .cannotTell
        }
        return CodeCheck(outcome: outcome, message: result.message, displayIsWrong: result.displayIsWrong, display: result.display)
    }
}
