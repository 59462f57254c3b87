/// One of the benchmarked searches: a pool of requests with parameters drawn from the loaded data
/// (each phase picks from it at random), the one whose plans the report shows, and what every
/// response must hold.
struct SearchCase: Sendable {
    /// A short stable key, e.g. `patient-code-date`.
    let key: String
    /// The search as the report names it, e.g. `Observation?patient=X&code=Y&date=ge2020-01-01`.
    let title: String
    /// The page size the search asks for.
    let pageSize: Int
    /// How many requests the pool holds.
    let requestCount: Int
    /// The request with the representative parameters.
    let representative: Int
    /// What every response must hold.
    let expectation: SearchExpectation
    /// How the parameters were drawn, for the report.
    let parameterNote: String
    /// Request `index` of the pool (`0..<requestCount`).
    let request: @Sendable (Int) -> SearchRequest
}
