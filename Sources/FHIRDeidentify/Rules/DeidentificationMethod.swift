public import FHIRModel

/// What a rule does to the element it names.
///
/// Every method but ``keep`` and ``drop`` changes the value and records the security label that
/// says so (see ``DeidentificationLabel``). On a complex element, ``keep`` keeps the element
/// and lets the rules decide each of its children: keeping a CodeableConcept keeps its codings
/// but not its `text` unless a rule keeps that too.
public enum DeidentificationMethod: Sendable, Hashable {
    /// The value passes (a primitive as it is; a complex element with its children decided by rule).
    case keep
    /// The element is removed.
    case drop
    /// The resource id, or the target of a Reference, is replaced by the caller's pseudonym
    /// (see ``Pseudonymizer``); a Reference keeps only `reference` and `type`.
    case pseudonymize
    /// The value is made coarser: see ``Generalization``.
    case generalize(Generalization)
    /// Every date of the element moves by the patient's keyed offset (see
    /// ``DeidentificationContext/dateShiftDays``); dropped when the caller gives none.
    case dateShift
    /// The value is replaced: see ``Substitution``.
    case substitute(Substitution)

    /// The name the rules file uses: `keep`, `drop`, `pseudonymize`, `generalize`, `date-shift`, `substitute`.
    public var name: String {
        switch self {
        case .keep: "keep"
        case .drop: "drop"
        case .pseudonymize: "pseudonymize"
        case .generalize: "generalize"
        case .dateShift: "date-shift"
        case .substitute: "substitute"
        }
    }
}

/// How ``DeidentificationMethod/generalize(_:)`` makes a value coarser.
public enum Generalization: Sendable, Hashable {
    /// A date, dateTime or instant (or a Period's bounds) keeps its year only: `2012-03-04`
    /// becomes `2012`. An instant becomes the first instant of its year (`2012-01-01T00:00:00Z`),
    /// so that it stays a valid instant.
    case year
    /// An Address keeps its state, its country and the first three digits of a US ZIP code;
    /// a restricted ZIP3 becomes `000`, a non-US or malformed postal code is removed.
    case zip3
    /// An Address keeps its city, state, country and 5-digit US ZIP code (the limited data set).
    case zip5
    /// An Age (or a Quantity that is an age) over the profile's ``DeidentificationRules/maximumAge``
    /// becomes `{"value": 90, "comparator": ">=", "unit": "years", …}`: "90 or over". With a
    /// band width above 1, a younger age becomes a Range covering its band where the element
    /// may be a Range, and is removed where it may not.
    case age(bandWidth: Int)
}

/// What ``DeidentificationMethod/substitute(_:)`` puts in place of the value.
public enum Substitution: Sendable, Hashable {
    /// A fixed value from the rules file.
    case value(JSONValue)
    /// A Coding's display as the terminology gives it for its system and code (see
    /// ``TerminologyDisplays``); removed when the code is not known.
    case terminologyDisplay
}
