import FHIRModel
import FHIRSearch
import Foundation
import KilnTesting

/// The next links of one code's `Observation?code=Y&_count=N` search, collected by following
/// them from page 1: the link to page 2, and the link to the deepest page reached.
struct PageWalk: Sendable {
    /// A next link and the row its cursor continues after.
    struct Link: Sendable {
        /// The page it fetches (2 for the first next link).
        let number: Int
        /// The absolute URL, as the server wrote it.
        let url: String
        /// The `rid` of the previous page's last row, from the link's `_cursor`.
        let anchor: Int64
    }

    /// The code searched.
    let code: String
    /// The link to page 2.
    let second: Link
    /// The link to the deepest page reached (at most the depth asked for).
    let deep: Link

    /// Follows next links of `Observation?code=code&_count=pageSize` until the link to page
    /// `depth`; nil when the search has fewer than three pages.
    static func walk(code: String, pageSize: Int, depth: Int, client: KilnClient) async throws -> PageWalk? {
        var path = "Observation?code=\(code)&_count=\(pageSize)"
        var second: Link?
        var deepest: Link?
        var fetched = 1
        while true {
            let response = try await client.get(path)
            guard response.status == 200, let bundle = response.json else {
                throw BenchmarkError.unexpectedResponse(request: "GET \(path)", status: response.status, body: response.text)
            }
            guard let url = nextLink(of: bundle) else { break }
            guard let anchor = cursorAnchor(of: url) else {
                throw BenchmarkError.unexpectedResponse(request: "GET \(path) (next link without a readable _cursor)", status: response.status, body: url)
            }
            let link = Link(number: fetched + 1, url: url, anchor: anchor)
            if link.number == 2 { second = link }
            deepest = link
            if link.number >= depth { break }
            path = url
            fetched = link.number
        }
        guard let second, let deepest, deepest.number >= 3 else { return nil }
        return PageWalk(code: code, second: second, deep: deepest)
    }

    /// The `next` link of a searchset Bundle.
    static func nextLink(of bundle: JSONValue) -> String? {
        bundle["link"]?.arrayValue?.first { $0["relation"]?.stringValue == "next" }?["url"]?.stringValue
    }

    /// The anchor row of the `_cursor` in `url`.
    static func cursorAnchor(of url: String) -> Int64? {
        guard let query = url.split(separator: "?", maxSplits: 1).last else { return nil }
        let cursor = QueryParameter.parse(String(query)).first { $0.name == "_cursor" }
        return cursor.flatMap { PageCursor(encoded: $0.value) }?.anchor
    }
}
