/// SearchParameter.type: how a parameter's value is written and matched.
public enum SearchParameterType: String, Sendable, Hashable, CaseIterable {
    /// A number, with an implicit precision.
    case number
    /// A date, dateTime, instant or Period, matched as a range.
    case date
    /// Text, matched from the start, case and accent insensitive.
    case string
    /// A code, Coding, Identifier, boolean or similar, matched exactly (`system|code`).
    case token
    /// A reference to another resource.
    case reference
    /// A combination of other parameters' values, separated by `$`.
    case composite
    /// A quantity with an optional system and unit (`value|system|code`).
    case quantity
    /// A URI, matched exactly or with `:above`/`:below`.
    case uri
    /// A parameter with its own matching rules, such as Location `near`.
    case special
}
