import FHIRSearch
import Logging
import PostgresNIO

/// The baseline: hand-written search SQL sent straight to PostgreSQL through postgres-nio, one
/// round trip per search with the values bound (as Kiln sends its own statements).
struct SQLSearchTarget: Sendable {
    /// One returned row, without its JSON text.
    struct Row: Sendable, Hashable {
        /// 0 for a match, 1 for an included resource.
        let part: Int32
        /// The resource's row number.
        let rid: Int64
        /// The resource id.
        let id: String
    }

    /// A running client on the server's database.
    let client: PostgresClient
    /// The logger postgres-nio reports to.
    let logger: Logger

    /// Runs `statement`, reads every row (JSON text included) and returns them without the text.
    func rows(_ statement: SQLStatement) async throws -> [Row] {
        var rows: [Row] = []
        for try await (part, rid, id, raw) in try await client.query(statement.boundQuery, logger: logger).decode((Int32, Int64, String, String).self) {
            guard !raw.isEmpty else { throw BenchmarkError.nothingToDo("The hand-written SQL returned \(id) without its text") }
            rows.append(Row(part: part, rid: rid, id: id))
        }
        return rows
    }

    /// Runs `statement` and checks that its rows meet `expectation`.
    func search(_ statement: SQLStatement, expectation: SearchExpectation) async throws {
        var matches = 0
        var includes = 0
        for try await (part, _, _, raw) in try await client.query(statement.boundQuery, logger: logger).decode((Int32, Int64, String, String).self) {
            guard !raw.isEmpty else { continue }
            if part == 0 { matches += 1 } else { includes += 1 }
        }
        guard expectation.isMet(matches: matches, includes: includes) else {
            throw BenchmarkError.nothingToDo("The hand-written SQL returned \(matches) matches and \(includes) included rows, expected \(expectation.description): \(statement)")
        }
    }
}
