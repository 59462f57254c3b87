import FHIRAccess

/// One search of the consent benchmark: a pool of requests, the caller's filter without its
/// consent scope, and the same filter with it.
struct ConsentBenchmarkCase: Sendable {
    /// A short stable key.
    let key: String
    /// The search as the report names it.
    let title: String
    /// Who searches.
    let caller: String
    /// How the parameters were drawn.
    let parameters: String
    /// The requests, relative to the FHIR base.
    let paths: [String]
    /// The fewest matches a response may hold (with consent, some patients' data is denied).
    let minimumMatches: Int
    /// Whether a 404 is an answer (`$everything` of a Patient whose Consent denies the caller).
    var allowsNotFound = false
    /// The caller's filter without the consent check.
    let without: AccessFilter
    /// The caller's filter with it.
    let with: AccessFilter

    /// The request whose plans are shown.
    var representative: String { paths[paths.count / 2] }
}
