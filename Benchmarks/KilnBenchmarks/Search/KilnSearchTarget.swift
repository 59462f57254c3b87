import KilnTesting

/// Kiln under test: a search over HTTP whose response is checked without parsing it (a 200
/// searchset Bundle with enough matches and included resources), so that the client's own work
/// stays small beside the server's.
struct KilnSearchTarget: Sendable {
    /// The client, on a connection pool as large as the highest concurrency.
    let client: KilnClient

    /// Runs the search at `path` and checks the response against `expectation`; with
    /// `allowingNotFound` a 404 counts too (a Patient's `$everything` the caller may not see).
    func search(_ path: String, expectation: SearchExpectation, allowingNotFound: Bool = false) async throws {
        let response = try await client.get(path)
        if allowingNotFound, response.status == 404 { return }
        let counts = SearchResponseCheck.counts(response.body)
        guard response.status == 200, counts.isSearchset, expectation.isMet(matches: counts.matches, includes: counts.includes) else {
            throw BenchmarkError.unexpectedResponse(
                request: "GET \(path) (expected a searchset with \(expectation.description), found \(counts.matches) matches and \(counts.includes) included)",
                status: response.status,
                body: response.text
            )
        }
    }
}
