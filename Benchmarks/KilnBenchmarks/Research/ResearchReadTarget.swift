import KilnTesting

/// One side of a comparison over HTTP: a GET on the clinical or the research base with the
/// caller's token, its response checked without parsing it (a 200 holding the expected
/// resource or searchset), so that the client's own work stays small beside the server's.
struct ResearchReadTarget: Sendable {
    /// The client; paths starting with `http` are absolute.
    let client: KilnClient

    /// Sends `GET url` with `headers` and checks the response against `expectation`.
    func get(_ url: String, headers: [String: String], expectation: ResearchBenchmarkCase.Expectation) async throws {
        let response = try await client.get(url, headers: headers)
        guard response.status == 200, Self.isMet(expectation, by: response.body) else {
            throw BenchmarkError.unexpectedResponse(request: "GET \(url) (expected \(Self.describe(expectation)))", status: response.status, body: response.text)
        }
    }

    /// Whether `body` is what `expectation` asks for.
    static func isMet(_ expectation: ResearchBenchmarkCase.Expectation, by body: [UInt8]) -> Bool {
        switch expectation {
        case .resource(let type):
            return body.starts(with: Array(#"{"resourceType":"\#(type)""#.utf8))
        case .searchset(let minimumMatches):
            let counts = SearchResponseCheck.counts(body)
            return counts.isSearchset && counts.matches >= minimumMatches
        }
    }

    /// The expectation as text, for error messages.
    private static func describe(_ expectation: ResearchBenchmarkCase.Expectation) -> String {
        switch expectation {
        case .resource(let type): "a \(type)"
        case .searchset(let minimumMatches): "a searchset with at least \(minimumMatches) matches"
        }
    }
}
