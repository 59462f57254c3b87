import FHIRDefinitions
import FHIRModel
import FHIRTerminology

extension SearchQueryParser {
    /// `:in`, `:not-in`, `:above` and `:below`: the codes the terminology service gives for
    /// each value, as explicit token criteria (excluded with `:not-in`).
    func terminologyCondition(_ parameter: SupportedSearchParameter, modifier: SearchModifier?, values: [String], written: String) throws(SearchParameterProblem) -> SearchCondition {
        let tokenModifier: TokenModifier
        switch modifier {
        case .in: tokenModifier = .in
        case .notIn: tokenModifier = .notIn
        case .above: tokenModifier = .above
        case .below: tokenModifier = .below
        default:
            throw .unsupported("The modifier is not a terminology modifier on '\(parameter.code)'", parameter: written)
        }
        guard let terminology else {
            throw .unsupported(
                "The modifier ':\(tokenModifier.rawValue)' of '\(written)' needs the terminology service, which is not available on this server",
                parameter: written
            )
        }
        var criteria: [TokenCriterion] = []
        var seen: Set<TokenCriterion> = []
        for value in values {
            let codes: [TerminologyCoding]
            do throws(TerminologyError) {
                codes = try terminology.searchCodes(tokenModifier, value: SearchValueText.unescape(value))
            } catch {
                throw .invalid("\(error.message) (in '\(written)')", parameter: written, issueType: Self.issueType(of: error))
            }
            for coding in codes {
                let criterion = TokenCriterion(system: coding.system, code: coding.code)
                if seen.insert(criterion).inserted { criteria.append(criterion) }
            }
            guard criteria.count <= limits.maximumValuesPerParameter else {
                throw .invalid(
                    "'\(written)' stands for \(criteria.count) codes or more, more than the \(limits.maximumValuesPerParameter) a search can use; narrow it down",
                    parameter: written,
                    issueType: .tooCostly
                )
            }
        }
        return .token(parameter: parameter.code, criteria, negated: tokenModifier == .notIn)
    }

    /// The OperationOutcome issue type for a terminology failure.
    static func issueType(of error: TerminologyError) -> IssueType {
        switch error.kind {
        case .notFound: .notFound
        case .invalid: .invalid
        case .tooCostly: .tooCostly
        case .notSupported: .notSupported
        case .unavailable: .exception
        }
    }
}
