/// One comparison of the research benchmark: the same data asked of the clinical base and of
/// the research base, key by key (key `n` of both lists is the same patient or code).
struct ResearchBenchmarkCase: Sendable {
    /// What a response must be to count.
    enum Expectation: Sendable {
        /// A resource of this type (a read).
        case resource(String)
        /// A searchset with at least this many matches.
        case searchset(minimumMatches: Int)
    }

    /// A short stable key.
    let key: String
    /// The clinical request as the report names it.
    let clinicalTitle: String
    /// The research request as the report names it.
    let researchTitle: String
    /// How the parameters were drawn.
    let parameters: String
    /// The clinical requests, relative to `/fhir`.
    let clinicalPaths: [String]
    /// The research requests, relative to `/research/fhir`, in the same order.
    let researchPaths: [String]
    /// What every response must be.
    let expectation: Expectation
}
