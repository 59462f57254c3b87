/// The quasi-identifiers of one patient as the research view shows them: the key of the
/// patient's equivalence class. Two patients the view shows alike have equal keys.
public struct QuasiIdentifierKey: Sendable, Hashable, Comparable, Codable {
    /// The birth date as the profile keeps it: a year (`1968`), ``overMaximumAge`` past the
    /// profile's maximum age, the whole date under the limited data set; ``unknown`` without one.
    public var birth: String
    /// `Patient.gender` (`female`, `male`, `other`, `unknown`); ``unknown`` without one.
    public var gender: String
    /// The ZIP codes of the patient's addresses as the profile keeps them (ZIP3, `000` for the
    /// restricted prefixes; 5 digits under the limited data set), sorted and joined by `,`;
    /// ``unknown`` without one.
    public var zip: String
    /// The death as the profile keeps it: ``alive``, a year (or date), ``deceasedWithoutDate``
    /// for `deceasedBoolean` true or a date the profile removes.
    public var deceased: String

    /// An absent value: `-`.
    public static let unknown = "-"
    /// The band of ages past the profile's maximum: `90+`.
    public static let overMaximumAge = "90+"
    /// Not known to be deceased: `no`.
    public static let alive = "no"
    /// Deceased, with no date the view shows: `yes`.
    public static let deceasedWithoutDate = "yes"

    /// A key.
    public init(birth: String, gender: String, zip: String, deceased: String) {
        self.birth = birth
        self.gender = gender
        self.zip = zip
        self.deceased = deceased
    }

    /// Ordered by birth, gender, ZIP, then death.
    public static func < (lhs: QuasiIdentifierKey, rhs: QuasiIdentifierKey) -> Bool {
        (lhs.birth, lhs.gender, lhs.zip, lhs.deceased) < (rhs.birth, rhs.gender, rhs.zip, rhs.deceased)
    }
}
