public import Foundation

/// A token value: a code with its system, an identifier, a boolean, a plain code.
///
/// `Identifier.type` is stored as an extra row of the parameter `identifier:of-type` whose
/// system and code are the type's, and whose code is followed by `|` and the identifier value
/// (`http://terminology.hl7.org/CodeSystem/v2-0203` / `MR|12345`). `Reference.identifier` of a
/// reference parameter is stored as a token row of `<code>:identifier`.
public struct TokenIndexRow: Sendable, Hashable {
    /// The parameter code, such as `code`.
    public var parameter: String
    /// The system; empty when the value has none.
    public var system: String
    /// The code or value.
    public var code: String
    /// The display or text that `:text` matches, normalized with ``SearchText/normalize(_:)``; nil when none.
    public var text: String?

    /// A token row.
    public init(parameter: String, system: String, code: String, text: String? = nil) {
        self.parameter = parameter
        self.system = system
        self.code = code
        self.text = text
    }
}

/// A string value, kept both normalized (for the default starts-with and `:contains`) and as
/// written (for `:exact`).
public struct StringIndexRow: Sendable, Hashable {
    /// The parameter code, such as `name`.
    public var parameter: String
    /// The value normalized with ``SearchText/normalize(_:)``: lower case, accents removed.
    public var normalized: String
    /// The value as written.
    public var exact: String

    /// A string row of `value`.
    public init(parameter: String, value: String) {
        self.parameter = parameter
        self.normalized = SearchText.normalize(value)
        self.exact = value
    }
}

/// A date, dateTime, instant or Period as the half-open range of instants `[low, high)` it
/// covers: `2020` is `[2020-01-01T00:00:00Z, 2021-01-01T00:00:00Z)`. A nil bound is open
/// (a Period without an end). Dates without a time zone are taken as UTC.
public struct DateIndexRow: Sendable, Hashable {
    /// The parameter code, such as `birthdate`.
    public var parameter: String
    /// The first instant covered; nil for no lower bound.
    public var low: Date?
    /// The first instant after the range; nil for no upper bound.
    public var high: Date?

    /// A date row.
    public init(parameter: String, low: Date?, high: Date?) {
        self.parameter = parameter
        self.low = low
        self.high = high
    }
}

/// A reference. A relative reference (`Patient/123`, or an absolute URL of this server) is
/// stored by target type and id, without any `_history` part; anything else (another server,
/// a canonical, `urn:`) by its URL.
public struct ReferenceIndexRow: Sendable, Hashable {
    /// The parameter code, such as `subject`.
    public var parameter: String
    /// The target's resource type, for references to this server.
    public var targetType: String?
    /// The target's id, for references to this server.
    public var targetID: String?
    /// The reference as written, for references elsewhere.
    public var url: String?

    /// A reference row.
    public init(parameter: String, targetType: String?, targetID: String?, url: String?) {
        self.parameter = parameter
        self.targetType = targetType
        self.targetID = targetID
        self.url = url
    }
}

/// A quantity, with its value in canonical UCUM units when its unit is UCUM and converts.
public struct QuantityIndexRow: Sendable, Hashable {
    /// The parameter code, such as `value-quantity`.
    public var parameter: String
    /// The value as written.
    public var value: Decimal
    /// `Quantity.system`; empty when absent.
    public var system: String
    /// `Quantity.code`, or `Quantity.unit` when there is no code; empty when neither.
    public var code: String
    /// The value in canonical units (`1.5 g/L` gives `1500` in `g.m-3`); nil when not convertible.
    public var canonicalValue: Decimal?
    /// The canonical unit, such as `g.m-3`; nil when not convertible.
    public var canonicalCode: String?

    /// A quantity row.
    public init(parameter: String, value: Decimal, system: String, code: String, canonicalValue: Decimal?, canonicalCode: String?) {
        self.parameter = parameter
        self.value = value
        self.system = system
        self.code = code
        self.canonicalValue = canonicalValue
        self.canonicalCode = canonicalCode
    }
}

/// A number.
public struct NumberIndexRow: Sendable, Hashable {
    /// The parameter code.
    public var parameter: String
    /// The value.
    public var value: Decimal

    /// A number row.
    public init(parameter: String, value: Decimal) {
        self.parameter = parameter
        self.value = value
    }
}

/// A URI, canonical or URL, as written.
public struct URIIndexRow: Sendable, Hashable {
    /// The parameter code, such as `_profile`.
    public var parameter: String
    /// The URI.
    public var uri: String

    /// A URI row.
    public init(parameter: String, uri: String) {
        self.parameter = parameter
        self.uri = uri
    }
}

/// One combination of a composite parameter: the first component (always a token in R4's
/// composites of the supported types) and the second, evaluated on the same element (the
/// Observation itself, or one of its components).
public struct CompositeIndexRow: Sendable, Hashable {
    /// The parameter code, such as `code-value-quantity`.
    public var parameter: String
    /// The first component's system; empty when none.
    public var system: String
    /// The first component's code.
    public var code: String
    /// The second component.
    public var value: CompositeIndexValue

    /// A composite row.
    public init(parameter: String, system: String, code: String, value: CompositeIndexValue) {
        self.parameter = parameter
        self.system = system
        self.code = code
        self.value = value
    }
}

/// The second component of a composite row, by the type of its parameter.
public enum CompositeIndexValue: Sendable, Hashable {
    /// A token (`code-value-concept`): system (empty when none) and code.
    case token(system: String, code: String)
    /// A quantity (`code-value-quantity`).
    case quantity(value: Decimal, system: String, code: String, canonicalValue: Decimal?, canonicalCode: String?)
    /// A date range (`code-value-date`), as ``DateIndexRow``.
    case date(low: Date?, high: Date?)
    /// A string (`code-value-string`), normalized.
    case string(normalized: String)
}
