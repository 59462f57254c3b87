import FHIRSearch
import Foundation
import PostgresNIO

extension SQLStatement {
    /// The statement as a postgres-nio query with its values bound, as Kiln's store binds them.
    var boundQuery: PostgresQuery {
        var bindings = PostgresBindings(capacity: self.bindings.count)
        for value in self.bindings {
            switch value {
            case .text(let text): bindings.append(text)
            case .textArray(let texts): bindings.append(texts)
            case .integer(let integer): bindings.append(integer)
            case .integerArray(let integers): bindings.append(integers)
            case .decimal(let decimal): bindings.append(decimal.description)
            case .timestamp(let date): bindings.append(date)
            case .boolean(let flag): bindings.append(flag)
            }
        }
        return PostgresQuery(unsafeSQL: text, binds: bindings)
    }
}
