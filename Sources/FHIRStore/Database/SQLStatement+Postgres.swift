import FHIRSearch
import Foundation
import PostgresNIO

extension SQLStatement {
    /// The statement as a PostgresNIO query with its values bound.
    var postgresQuery: PostgresQuery {
        var bindings = PostgresBindings(capacity: self.bindings.count)
        for value in self.bindings { bindings.append(value) }
        return PostgresQuery(unsafeSQL: text, binds: bindings)
    }

    /// The statement with its placeholders `$1`, `$2`, … shifted to `$(1 + offset)`, … so that
    /// it can follow `offset` bindings of another statement. Compiled statements hold no `$` but
    /// their placeholders.
    func shifted(by offset: Int) -> String {
        guard offset > 0 else { return text }
        var result = ""
        var digits = ""
        var inPlaceholder = false
        func flush() {
            if inPlaceholder, let number = Int(digits) { result += "$\(number + offset)" } else if inPlaceholder { result += "$" + digits }
            digits = ""
            inPlaceholder = false
        }
        for character in text {
            if inPlaceholder, character.isASCII, character.isNumber {
                digits.append(character)
                continue
            }
            flush()
            if character == "$" { inPlaceholder = true } else { result.append(character) }
        }
        flush()
        return result
    }
}

extension PostgresBindings {
    /// Appends one compiled value, as the statement's SQL expects it.
    mutating func append(_ value: SQLValue) {
        switch value {
        case .text(let text): append(text)
        case .textArray(let texts): append(texts)
        case .integer(let integer): append(integer)
        case .integerArray(let integers): append(integers)
        case .decimal(let decimal): append(decimal.description)
        case .timestamp(let date): append(PostgresTimestamp(date))
        case .boolean(let flag): append(flag)
        }
    }
}
