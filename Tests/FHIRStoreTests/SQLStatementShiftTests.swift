import FHIRSearch
@testable import FHIRStore
import PostgresNIO
import Testing

/// A compiled statement embedded after other bindings keeps its placeholders pointing at its own values.
@Suite("SQLStatement shifted placeholders")
struct SQLStatementShiftTests {
    @Test("Placeholders move by the offset; multi-digit ones too; nothing else changes")
    func shifts() {
        let statement = SQLStatement(text: "SELECT $1::text, $2, $10 FROM t WHERE a = $3::int8[]", bindings: [])
        #expect(statement.shifted(by: 0) == statement.text)
        #expect(statement.shifted(by: 4) == "SELECT $5::text, $6, $14 FROM t WHERE a = $7::int8[]")
    }

    @Test("Appending a statement to a builder renumbers it after the builder's own bindings")
    func builderAppends() {
        var builder = SQLBuilder()
        builder.append("SELECT 1 WHERE a = ")
        builder.bind("x")
        builder.append(" AND b IN (")
        builder.append(SQLStatement(text: "SELECT $1::text, $2", bindings: [.text("y"), .integer(2)]))
        builder.append(") AND c = ")
        builder.bind(3)
        #expect(builder.sql == "SELECT 1 WHERE a = $1 AND b IN (SELECT $2::text, $3) AND c = $4")
        #expect(builder.bindings.count == 4)
    }
}
