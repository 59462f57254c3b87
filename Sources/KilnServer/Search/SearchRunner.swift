import FHIRSearch
import FHIRStore

/// One page of matches in display order, and whether pages lie before and after it.
struct SearchPage {
    /// The matches.
    var rows: [SearchRow]
    /// Whether a next page exists.
    var hasNext: Bool
    /// Whether a previous page exists.
    var hasPrevious: Bool
}

/// Runs compiled search statements on the pool, or inside the transaction of a Bundle so that
/// a search entry sees the Bundle's own earlier writes.
struct SearchRunner {
    let store: ResourceStore
    let transaction: StoreTransaction?

    /// The rows of a page or include statement.
    func rows(_ statement: SQLStatement) async throws -> [SearchRow] {
        if let transaction { return try await transaction.resources(statement) }
        return try await store.resources(statement)
    }

    /// A count.
    func count(_ statement: SQLStatement) async throws -> Int {
        if let transaction { return try await transaction.count(statement) }
        return try await store.count(statement)
    }

    /// The planner's estimate.
    func estimate(_ statement: SQLStatement) async throws -> Int {
        try await store.estimate(statement)
    }

    /// A page statement's rows (at most `count + 1`, the extra one telling that more exist),
    /// turned into a page; rows of a previous page come in reverse and are put back in order.
    func page(_ statement: SQLStatement, query: SearchQuery) async throws -> SearchPage {
        let fetched = try await rows(statement)
        let more = fetched.count > query.count
        let rows = Array(fetched.prefix(query.count))
        switch query.cursor?.direction {
        case .previous?:
            return SearchPage(rows: rows.reversed(), hasNext: true, hasPrevious: more)
        case .next?:
            return SearchPage(rows: rows, hasNext: more, hasPrevious: true)
        case nil:
            return SearchPage(rows: rows, hasNext: more, hasPrevious: false)
        }
    }
}
