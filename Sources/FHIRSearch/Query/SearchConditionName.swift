/// The name of a condition parameter, taken apart: a plain parameter with an optional modifier,
/// a chain (`subject:Patient.name`) or a reverse chain (`_has:Observation:patient:code`).
indirect enum SearchConditionName: Sendable, Hashable {
    /// The most chain and reverse-chain levels one parameter may have.
    static let maximumLevels = 2

    /// `code` or `code:modifier`.
    case parameter(code: String, modifier: String?)
    /// `code[:Type].rest`: the reference parameter `code` leads to resources where `rest` holds.
    case chain(code: String, targetType: String?, then: SearchConditionName)
    /// `_has:Type:parameter:rest`: resources of `sourceType` whose `parameter` refers here satisfy `rest`.
    case reverseChain(sourceType: String, parameter: String, then: SearchConditionName)

    /// The name `written` taken apart; refuses more than ``maximumLevels`` levels and malformed `_has`.
    init(parsing written: String) throws(SearchParameterProblem) {
        self = try Self.parse(written[...], written: written)
        if levels > Self.maximumLevels {
            throw .invalid(
                "'\(written)' chains \(levels) levels deep; chained and _has parameters may go at most two levels deep",
                parameter: written
            )
        }
    }

    private static func parse(_ text: Substring, written: String) throws(SearchParameterProblem) -> SearchConditionName {
        if text.hasPrefix("_has:") {
            let parts = text.dropFirst("_has:".count).split(separator: ":", maxSplits: 2, omittingEmptySubsequences: false)
            guard parts.count == 3, !parts[0].isEmpty, !parts[1].isEmpty, !parts[2].isEmpty else {
                throw .invalid(
                    "'\(written)' is not a valid reverse chain: write _has:Type:parameter:condition, such as _has:Observation:patient:code",
                    parameter: written
                )
            }
            return .reverseChain(sourceType: String(parts[0]), parameter: String(parts[1]), then: try parse(parts[2], written: written))
        }
        if let dot = text.firstIndex(of: ".") {
            let head = text[..<dot]
            let rest = text[text.index(after: dot)...]
            guard !head.isEmpty, !rest.isEmpty else {
                throw .invalid("'\(written)' is not a valid chained parameter: write reference.parameter, such as subject.name", parameter: written)
            }
            let (code, targetType) = split(head)
            guard !code.isEmpty else {
                throw .invalid("'\(written)' is not a valid chained parameter: it names no parameter before '.'", parameter: written)
            }
            return .chain(code: code, targetType: targetType, then: try parse(rest, written: written))
        }
        let (code, modifier) = split(text)
        guard !code.isEmpty else {
            throw .invalid("'\(written)' names no search parameter", parameter: written)
        }
        return .parameter(code: code, modifier: modifier)
    }

    private static func split(_ text: Substring) -> (code: String, modifier: String?) {
        guard let colon = text.firstIndex(of: ":") else { return (String(text), nil) }
        return (String(text[..<colon]), String(text[text.index(after: colon)...]))
    }

    /// How many chain and reverse-chain levels the name has.
    var levels: Int {
        switch self {
        case .parameter: 0
        case .chain(_, _, let then), .reverseChain(_, _, let then): 1 + then.levels
        }
    }

    /// The parameter code the name starts with on the searched type; nil for a reverse chain.
    var leadingCode: String? {
        switch self {
        case .parameter(let code, _), .chain(let code, _, _): code
        case .reverseChain: nil
        }
    }
}
