/// Another representation of a concept: a translation, a synonym, a fully specified name.
public struct ConceptDesignation: Sendable, Hashable {
    /// The language, such as `de` or `en-US`.
    public var language: String?
    /// What kind of designation this is.
    public var use: TerminologyCoding?
    /// The text.
    public var value: String

    /// A designation.
    public init(language: String?, use: TerminologyCoding?, value: String) {
        self.language = language
        self.use = use
        self.value = value
    }
}
