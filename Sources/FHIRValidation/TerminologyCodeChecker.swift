public import FHIRTerminology
import Synchronization

/// Answers the validator's terminology questions with Kiln's terminology service: the code
/// systems, value sets and concept maps it ships, plus those stored or supplied for a run.
///
/// Answers are remembered across validations (the same codes come back with every resource)
/// until a code system, value set or concept map is registered, which empties the memory.
public struct TerminologyCodeChecker: CodeChecker {
    /// The service asked.
    public let service: TerminologyService
    private let answers: AnswerCache

    /// The most answers kept; past it the memory starts again.
    static let maximumAnswers = 50_000

    /// A checker over `service`.
    public init(service: TerminologyService) {
        self.service = service
        self.answers = AnswerCache()
    }

    /// Checks the code through ``TerminologyService/validateCode(_:)``.
    public func check(code: String, system: String?, display: String?, valueSet: String?) -> CodeCheck {
        let revision = service.registry.revision
        let key = "\(system ?? "")\u{1}\(code)\u{1}\(display ?? "")\u{1}\(valueSet ?? "")"
        if let known = answers.answer(for: key, revision: revision) { return known }
        let result = service.validateCode(CodeValidationRequest(system: system, code: code, display: display, valueSet: valueSet))
        let outcome: CodeCheck.Outcome
        switch result.outcome {
        case .valid: outcome = .valid
        case .invalid: outcome = .invalid
        case .cannotTell: outcome = .cannotTell
        }
        let answer = CodeCheck(outcome: outcome, message: result.message, displayIsWrong: result.displayIsWrong, display: result.display)
        answers.remember(answer, for: key, revision: revision)
        return answer
    }
}

/// Terminology answers by question, valid for one registry revision.
final class AnswerCache: Sendable {
    private struct State {
        var revision = -1
        var answers: [String: CodeCheck] = [:]
    }

    private let state = Mutex(State())

    func answer(for key: String, revision: Int) -> CodeCheck? {
        state.withLock { $0.revision == revision ? $0.answers[key] : nil }
    }

    func remember(_ answer: CodeCheck, for key: String, revision: Int) {
        state.withLock { state in
            if state.revision != revision || state.answers.count >= TerminologyCodeChecker.maximumAnswers {
                state.revision = revision
                state.answers = [:]
            }
            state.answers[key] = answer
        }
    }
}
