import FHIRSearch
import PostgresNIO

/// Builds a parameterised SQL statement piece by piece: values become `$n` bindings, never text.
struct SQLBuilder {
    private(set) var sql = ""
    private(set) var bindings = PostgresBindings()
    private var count = 0

    /// Appends SQL text.
    mutating func append(_ text: String) {
        sql += text
    }

    /// Appends a bound value as `$n`.
    mutating func bind<Value: PostgresNonThrowingEncodable & Sendable>(_ value: Value) {
        count += 1
        bindings.append(value, context: .default)
        sql += "$\(count)"
    }

    /// Appends a compiled statement (a subquery), its placeholders renumbered after this
    /// builder's bindings.
    mutating func append(_ statement: SQLStatement) {
        sql += statement.shifted(by: count)
        for value in statement.bindings { bindings.append(value) }
        count += statement.bindings.count
    }

    /// The statement.
    var query: PostgresQuery { PostgresQuery(unsafeSQL: sql, binds: bindings) }
}
