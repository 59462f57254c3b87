public import FHIRDefinitions
public import Foundation

/// One token value: `system|code`, `code`, `|code` or `system|`.
public struct TokenCriterion: Sendable, Hashable {
    /// The system to match: nil matches any system, empty matches values without a system.
    public var system: String?
    /// The code to match: nil matches any code (only with a system).
    public var code: String?

    /// A criterion from its parts.
    public init(system: String?, code: String?) {
        self.system = system
        self.code = code
    }

    /// Parses the token syntax of the FHIR search page; nil for an empty value.
    public init?(parsing text: String) {
        guard !text.isEmpty else { return nil }
        if let bar = text.firstIndex(of: "|") {
            let system = String(text[..<bar])
            let code = String(text[text.index(after: bar)...])
            guard !(system.isEmpty && code.isEmpty) else { return nil }
            self.init(system: system, code: code.isEmpty ? nil : code)
        } else {
            self.init(system: nil, code: text)
        }
    }
}

/// One string value and how it matches.
public struct StringCriterion: Sendable, Hashable {
    /// How a string value matches.
    public enum Match: String, Sendable, Hashable {
        /// The normalized value starts with the normalized search value (the default).
        case startsWith
        /// The value equals the search value exactly, case and accents included (`:exact`).
        case exact
        /// The normalized value contains the normalized search value (`:contains`).
        case contains
    }

    /// The search value: normalized with ``SearchText/normalize(_:)`` except for `.exact`.
    public var value: String
    /// How it matches.
    public var match: Match

    /// A string criterion.
    public init(value: String, match: Match) {
        self.value = value
        self.match = match
    }
}

/// One date value with its prefix, as the half-open range `[low, high)` its precision covers:
/// `ge2020-03` is `ge` over `[2020-03-01T00:00:00Z, 2020-04-01T00:00:00Z)`.
public struct DateCriterion: Sendable, Hashable {
    /// The prefix (`eq` when none was written).
    public var comparator: SearchComparator
    /// The first instant of the search value's range.
    public var low: Date
    /// The first instant after it.
    public var high: Date

    /// A date criterion.
    public init(comparator: SearchComparator, low: Date, high: Date) {
        self.comparator = comparator
        self.low = low
        self.high = high
    }
}

/// One number value with its prefix and the range its precision implies: `eq100` matches
/// `[99.5, 100.5)`, `eq1e2` the same, `eq100.0` `[99.95, 100.05)`.
public struct NumberCriterion: Sendable, Hashable {
    /// The prefix (`eq` when none was written).
    public var comparator: SearchComparator
    /// The value as written.
    public var value: Decimal
    /// The lower bound of the implicit range (inclusive).
    public var low: Decimal
    /// The upper bound of the implicit range (exclusive).
    public var high: Decimal

    /// A number criterion.
    public init(comparator: SearchComparator, value: Decimal, low: Decimal, high: Decimal) {
        self.comparator = comparator
        self.value = value
        self.low = low
        self.high = high
    }
}

/// One quantity value: `[prefix]number|system|code`.
///
/// When the unit is UCUM and converts, ``canonical`` holds the number and its range in
/// canonical units, and the compiler compares canonical values (so `ge150|…|mg/dL` finds
/// `1.5 g/L`); otherwise values are compared as written, with the system and code matched.
public struct QuantityCriterion: Sendable, Hashable {
    /// The number, its prefix and implicit range, in the units written.
    public var number: NumberCriterion
    /// The system; nil when not given.
    public var system: String?
    /// The code or unit; nil when not given.
    public var code: String?
    /// The number in canonical UCUM units, with the canonical unit; nil when not convertible.
    public var canonical: CanonicalQuantity?

    /// A quantity criterion.
    public init(number: NumberCriterion, system: String?, code: String?, canonical: CanonicalQuantity?) {
        self.number = number
        self.system = system
        self.code = code
        self.canonical = canonical
    }
}

/// A search quantity in canonical UCUM units.
public struct CanonicalQuantity: Sendable, Hashable {
    /// The number and its range, converted.
    public var number: NumberCriterion
    /// The canonical unit, such as `g.m-3`.
    public var code: String

    /// A canonical quantity.
    public init(number: NumberCriterion, code: String) {
        self.number = number
        self.code = code
    }
}

/// One reference value.
public enum ReferenceCriterion: Sendable, Hashable {
    /// A resource of this server: `Patient/123`, `123` with `:Patient` or with a single target
    /// type (type nil when the parameter allows several and none was given), or an absolute URL of
    /// this server.
    case local(type: String?, id: String)
    /// A reference elsewhere, or a canonical, matched as written.
    case url(String)
    /// `:identifier`: the reference's identifier.
    case identifier(TokenCriterion)
}

/// One URI value and how it matches.
public struct URICriterion: Sendable, Hashable {
    /// How a URI matches.
    public enum Match: String, Sendable, Hashable {
        /// Exactly.
        case exact
        /// The stored URI starts with the search value (`:below`).
        case below
        /// The search value starts with the stored URI (`:above`).
        case above
    }

    /// The search value.
    public var value: String
    /// How it matches.
    public var match: Match

    /// A URI criterion.
    public init(value: String, match: Match) {
        self.value = value
        self.match = match
    }
}

/// One composite value: `code$value`, such as `http://loinc.org|8480-6$gt100`.
public struct CompositeCriterion: Sendable, Hashable {
    /// The first component (a token).
    public var token: TokenCriterion
    /// The second component.
    public var value: CompositeValueCriterion

    /// A composite criterion.
    public init(token: TokenCriterion, value: CompositeValueCriterion) {
        self.token = token
        self.value = value
    }
}

/// The second component of a composite criterion.
public enum CompositeValueCriterion: Sendable, Hashable {
    /// A token.
    case token(TokenCriterion)
    /// A quantity.
    case quantity(QuantityCriterion)
    /// A date.
    case date(DateCriterion)
    /// A string (starts-with over the normalized value).
    case string(StringCriterion)
}
