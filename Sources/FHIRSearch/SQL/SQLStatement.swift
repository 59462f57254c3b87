public import Foundation

/// A SQL statement with positional bindings (`$1`, `$2`, …): values never become SQL text.
public struct SQLStatement: Sendable, Hashable, CustomStringConvertible {
    /// The SQL text.
    public var text: String
    /// The values of `$1`, `$2`, … in order.
    public var bindings: [SQLValue]

    /// A statement.
    public init(text: String, bindings: [SQLValue]) {
        self.text = text
        self.bindings = bindings
    }

    /// The text followed by the bindings, for logs and test failures.
    public var description: String {
        text + " -- " + bindings.enumerated().map { "$\($0.offset + 1)=\($0.element)" }.joined(separator: ", ")
    }
}

/// A bound value.
public enum SQLValue: Sendable, Hashable {
    /// `text`.
    case text(String)
    /// `text[]`.
    case textArray([String])
    /// `bigint`.
    case integer(Int64)
    /// `bigint[]`.
    case integerArray([Int64])
    /// `numeric`, bound as its exact text (the SQL casts it).
    case decimal(Decimal)
    /// `timestamptz`.
    case timestamp(Date)
    /// `boolean`.
    case boolean(Bool)
}

/// Builds a ``SQLStatement`` piece by piece.
struct SQLWriter {
    private(set) var text = ""
    private(set) var bindings: [SQLValue] = []

    /// Appends SQL text (never a value from a request).
    mutating func append(_ sql: String) {
        text += sql
    }

    /// Appends a bound value as `$n`, with a cast where the value's type needs one.
    mutating func bind(_ value: SQLValue) {
        bindings.append(value)
        switch value {
        case .decimal: text += "$\(bindings.count)::numeric"
        case .textArray: text += "$\(bindings.count)::text[]"
        case .integerArray: text += "$\(bindings.count)::int8[]"
        case .text: text += "$\(bindings.count)::text"
        default: text += "$\(bindings.count)"
        }
    }

    /// Binds a text value.
    mutating func bind(_ value: String) { bind(.text(value)) }

    /// The statement.
    var statement: SQLStatement { SQLStatement(text: text, bindings: bindings) }
}
