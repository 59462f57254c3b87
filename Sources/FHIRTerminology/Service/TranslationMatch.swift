/// One translation of a code.
public struct TranslationMatch: Sendable, Hashable {
    /// The equivalence (`equivalent`, `wider`, `narrower`, `inexact`, `unmatched`, …).
    public var equivalence: String
    /// The translated concept; nil for `unmatched`.
    public var concept: TerminologyCoding?
    /// The concept map that said so.
    public var source: String?

    /// A match.
    public init(equivalence: String, concept: TerminologyCoding?, source: String?) {
        self.equivalence = equivalence
        self.concept = concept
        self.source = source
    }

    /// Whether the match is a real translation (not `unmatched` or `disjoint`).
    public var isMatch: Bool { equivalence != "unmatched" && equivalence != "disjoint" && concept != nil }
}
