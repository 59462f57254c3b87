import PostgresNIO

/// The baseline's read: one document by primary key, as a named prepared statement.
struct BaselineReadStatement: PostgresPreparedStatement {
    /// The statement, over the baseline table.
    static let sql = "SELECT content FROM \(PostgresBaseline.table) WHERE id = $1"

    /// The document's JSON text.
    typealias Row = String

    /// The id to read.
    let id: String

    /// Binds the id.
    func makeBindings() throws -> PostgresBindings {
        var bindings = PostgresBindings(capacity: 1)
        bindings.append(id)
        return bindings
    }

    /// Decodes the document.
    func decodeRow(_ row: PostgresRow) throws -> String {
        try row.decode(String.self)
    }
}
