import FHIRSearch
import Foundation

/// One SQL statement of a search with its `EXPLAIN (ANALYZE, BUFFERS)` plan.
public struct ExplainedStatement: Sendable, Hashable, Codable {
    /// What it is: `Kiln page`, `Kiln _include round`, or `hand-written SQL`.
    public let role: String
    /// The SQL text.
    public let sql: String
    /// The bound values, `$1` first, as text.
    public let bindings: [String]
    /// The plan's lines, as PostgreSQL printed them.
    public let plan: [String]
    /// The plan's gist.
    public let summary: PlanSummary

    /// `statement`, named `role`, with its plan `lines`.
    init(role: String, statement: SQLStatement, lines: [String]) {
        self.role = role
        self.sql = statement.text
        self.bindings = statement.bindings.map(Self.text)
        self.plan = lines
        self.summary = PlanSummary(lines: lines)
    }

    private static func text(_ value: SQLValue) -> String {
        switch value {
        case .text(let text): text
        case .textArray(let texts): "{" + texts.joined(separator: ",") + "}"
        case .integer(let integer): String(integer)
        case .integerArray(let integers): "{" + integers.map(String.init).joined(separator: ",") + "}"
        case .decimal(let decimal): decimal.description
        case .timestamp(let date): date.formatted(.iso8601)
        case .boolean(let flag): String(flag)
        }
    }
}
