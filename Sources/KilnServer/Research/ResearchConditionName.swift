/// A condition parameter's name taken apart as the research policy checks it: a parameter with
/// an optional modifier, a chain (`subject:Patient.gender`) or a reverse chain
/// (`_has:Observation:patient:code`).
indirect enum ResearchConditionName: Sendable, Hashable {
    /// `code` or `code:modifier`.
    case parameter(code: String, modifier: String?)
    /// `code[:Type].rest`.
    case chain(code: String, targetType: String?, then: ResearchConditionName)
    /// `_has:Type:parameter:rest`.
    case reverseChain(sourceType: String, parameter: String, then: ResearchConditionName)

    /// The name `written` taken apart; refused when it is malformed.
    init(parsing written: String) throws(ParameterRefusal) {
        if written.hasPrefix("_has:") {
            let parts = written.dropFirst("_has:".count).split(separator: ":", maxSplits: 2, omittingEmptySubsequences: false)
            guard parts.count == 3, parts.allSatisfy({ !$0.isEmpty }) else {
                throw ParameterRefusal("write _has:Type:parameter:condition")
            }
            self = .reverseChain(sourceType: String(parts[0]), parameter: String(parts[1]), then: try ResearchConditionName(parsing: String(parts[2])))
            return
        }
        if let dot = written.firstIndex(of: ".") {
            let head = written[..<dot]
            let rest = String(written[written.index(after: dot)...])
            let pieces = head.split(separator: ":", maxSplits: 1, omittingEmptySubsequences: false)
            guard !pieces[0].isEmpty, !rest.isEmpty, pieces.count == 1 || !pieces[1].isEmpty else {
                throw ParameterRefusal("write reference.parameter or reference:Type.parameter")
            }
            self = .chain(code: String(pieces[0]), targetType: pieces.count == 2 ? String(pieces[1]) : nil, then: try ResearchConditionName(parsing: rest))
            return
        }
        let pieces = written.split(separator: ":", maxSplits: 1, omittingEmptySubsequences: false)
        guard !pieces[0].isEmpty else { throw ParameterRefusal("it names no search parameter") }
        self = .parameter(code: String(pieces[0]), modifier: pieces.count == 2 ? String(pieces[1]) : nil)
    }

    /// The parameter code the name starts with; nil for a reverse chain.
    var leadingCode: String? {
        switch self {
        case .parameter(let code, _), .chain(let code, _, _): code
        case .reverseChain: nil
        }
    }
}
