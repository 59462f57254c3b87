public import FHIRDeidentify

/// A research project as the research view serves it: its de-identification profile, the
/// smallest count it reports, and the secret its pseudonyms are keyed with (never shown).
public struct ResearchProject: Sendable {
    /// The name researchers are registered under (`default` for those registered without one).
    public var name: String
    /// The de-identification profile, compiled.
    public var rules: DeidentificationRules
    /// Counts below this are not reported (no `Bundle.total`).
    public var minimumCellSize: Int
    /// The key of the project's pseudonyms, date offsets and sealed cursors.
    public var secret: PseudonymSecret

    /// A project.
    public init(name: String, rules: DeidentificationRules, minimumCellSize: Int, secret: PseudonymSecret) {
        self.name = name
        self.rules = rules
        self.minimumCellSize = minimumCellSize
        self.secret = secret
    }

    /// The project's keyed pseudonyms and date offsets, for turning a pseudonym back into its row
    /// and finding a patient's offset (a response's own pseudonymizer adds the rows it serves).
    var keyedPseudonyms: KeyedPseudonymizer {
        KeyedPseudonymizer(secret: secret) { _, _ in nil }
    }

    /// The total to report for `count` matches: nil when there is none or it is below the
    /// minimum cell size, so that a narrow filter cannot become a membership oracle.
    func reportedTotal(_ count: Int?) -> Int? {
        guard let count, count >= minimumCellSize else { return nil }
        return count
    }
}
