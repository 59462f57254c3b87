public import FHIRModel
public import Foundation

/// The quasi-identifiers of Patients under a profile: birth date, gender, ZIP code and death,
/// each made coarse the way the profile's rules make it in the research view (the engine's
/// own ``AddressGeneralization`` and date rules), so the report counts what researchers see.
///
/// What each profile's key holds:
/// - `safe-harbor`: the birth year, or `90+` when it is more than the maximum age (89) years
///   before the reference year (the engine removes such a date); the ZIP3, `000` for the
///   restricted prefixes; the year of death (`yes` when the engine removes that date too).
/// - `expert-determination`: the same as Safe Harbor. The view shifts dates per patient by up
///   to `dateShiftDays` (365) instead of cutting them to the year, so the shifted date tells
///   the true one within a year either way; the report keys on the true year, the coarsest
///   value that the shifted date still narrows to, rather than on the shifted day, which
///   would make almost every class a single patient and say nothing about linkage.
/// - `limited-data-set`: the whole birth date and date of death, and the 5-digit ZIP code, as
///   that profile keeps them.
///
/// ```swift
/// let identifiers = QuasiIdentifiers(rules: safeHarbor, referenceDate: Date())
/// identifiers.key(of: patient)   // birth "1968", gender "female", zip "021", deceased "no"
/// ```
public struct QuasiIdentifiers: Sendable {
    /// How a date becomes part of the key.
    public enum DateForm: String, Sendable, Hashable, Codable {
        /// The year; past the maximum age, the `90+` band.
        case year
        /// The date as stored (year, month and day as far as given).
        case whole
    }

    /// How an address's ZIP code becomes part of the key.
    public enum ZIPForm: String, Sendable, Hashable, Codable {
        /// The first three digits; `000` for the restricted prefixes.
        case zip3
        /// The 5-digit ZIP code.
        case zip5
        /// None: the profile removes addresses.
        case none
    }

    /// The profile's name.
    public let profile: String
    /// How dates (birth and death) are keyed.
    public let dateForm: DateForm
    /// How ZIP codes are keyed.
    public let zipForm: ZIPForm
    /// The profile's maximum age; nil: every date is shown.
    public let maximumAge: Int?
    let restrictedZIP3: Set<String>
    let referenceYear: Int

    /// The quasi-identifiers under `rules`, ages measured at `referenceDate`.
    public init(rules: DeidentificationRules, referenceDate: Date) {
        profile = rules.name
        let datatypeRules = Dictionary(rules.rules.compactMap { rule -> (String, DeidentificationMethod)? in
            if case .datatype(let name) = rule.selector { return (name, rule.method) }
            return nil
        }, uniquingKeysWith: { first, _ in first })
        switch datatypeRules["date"] {
        case .keep?: dateForm = .whole
        default: dateForm = .year
        }
        switch datatypeRules["Address"] {
        case .generalize(.zip3)?: zipForm = .zip3
        case .generalize(.zip5)?: zipForm = .zip5
        default: zipForm = .none
        }
        maximumAge = rules.maximumAge
        restrictedZIP3 = Set(rules.restrictedZIP3)
        referenceYear = DeidentificationContext(referenceDate: referenceDate).referenceYear
    }

    /// What the key holds, for people: one phrase per quasi-identifier.
    public var dimensions: [String] {
        let date = dateForm == .whole ? "date" : "year"
        let birth = dateForm == .whole || maximumAge == nil ? "birth \(date)" : "birth year (\(QuasiIdentifierKey.overMaximumAge) past age \(maximumAge ?? 0))"
        let zip: String
        switch zipForm {
        case .zip3: zip = "ZIP3 (restricted prefixes as 000)"
        case .zip5: zip = "5-digit ZIP"
        case .none: zip = "no ZIP (addresses removed)"
        }
        return [birth, "gender", zip, "deceased \(date)"]
    }

    /// The key of a Patient resource.
    public func key(of patient: JSONObject) -> QuasiIdentifierKey {
        QuasiIdentifierKey(
            birth: patient["birthDate"]?.stringValue.flatMap { birth($0) } ?? QuasiIdentifierKey.unknown,
            gender: patient["gender"]?.stringValue ?? QuasiIdentifierKey.unknown,
            zip: zip(patient["address"]?.arrayValue ?? []),
            deceased: deceased(patient)
        )
    }

    /// A birth date as the view shows it; nil when it is not a date.
    func birth(_ text: String) -> String? {
        guard let date = DateValue(text) else { return nil }
        if isOverMaximumAge(date) { return QuasiIdentifierKey.overMaximumAge }
        return shown(date, text)
    }

    /// The date's text as the key holds it.
    private func shown(_ date: DateValue, _ text: String) -> String {
        dateForm == .whole ? String(text.prefix(10)) : date.yearText(isInstant: false)
    }

    /// Whether the engine removes the date as showing an age over the maximum.
    private func isOverMaximumAge(_ date: DateValue) -> Bool {
        guard let maximumAge else { return false }
        return referenceYear - date.year > maximumAge
    }

    private func zip(_ addresses: [JSONValue]) -> String {
        guard zipForm != .none else { return QuasiIdentifierKey.unknown }
        var zips: Set<String> = []
        for address in addresses {
            guard let object = address.objectValue,
                  let kept = AddressGeneralization.generalize(object, zip5: zipForm == .zip5, restrictedZIP3: restrictedZIP3),
                  let zip = kept["postalCode"]?.stringValue else { continue }
            zips.insert(zip)
        }
        return zips.isEmpty ? QuasiIdentifierKey.unknown : zips.sorted().joined(separator: ",")
    }

    private func deceased(_ patient: JSONObject) -> String {
        if let text = patient["deceasedDateTime"]?.stringValue {
            guard let date = DateValue(text), !isOverMaximumAge(date) else { return QuasiIdentifierKey.deceasedWithoutDate }
            return shown(date, text)
        }
        return patient["deceasedBoolean"]?.boolValue == true ? QuasiIdentifierKey.deceasedWithoutDate : QuasiIdentifierKey.alive
    }
}
