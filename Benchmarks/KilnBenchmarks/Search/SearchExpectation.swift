/// What every response to a search must hold for the benchmark to count it.
public struct SearchExpectation: Sendable, Hashable, Codable {
    /// The fewest matches (entries with `search.mode` `match`).
    public let minimumMatches: Int
    /// The fewest included resources (`search.mode` `include`).
    public let minimumIncludes: Int

    /// An expectation.
    public init(minimumMatches: Int, minimumIncludes: Int = 0) {
        self.minimumMatches = minimumMatches
        self.minimumIncludes = minimumIncludes
    }

    /// Whether `matches` and `includes` meet it.
    func isMet(matches: Int, includes: Int) -> Bool {
        matches >= minimumMatches && includes >= minimumIncludes
    }

    /// The expectation as text, for error messages.
    var description: String {
        minimumIncludes > 0
            ? "at least \(minimumMatches) matches and \(minimumIncludes) included resources"
            : "at least \(minimumMatches) matches"
    }
}
