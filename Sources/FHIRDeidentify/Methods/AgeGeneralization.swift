public import FHIRModel

/// Ages made coarse: an age over the profile's maximum becomes "90 or over", written as a
/// Quantity of `value` 90 (the maximum plus one) with `comparator` `>=` in UCUM years (`a`);
/// with bands wider than a year, a younger age becomes the Range of its band.
public enum AgeGeneralization {
    /// What became of an age.
    public enum Outcome: Sendable, Hashable {
        /// Shown as it is (its value, comparator, unit, system and code only).
        case unchanged(JSONObject)
        /// Over the maximum: "N or over".
        case topCoded(JSONObject)
        /// The Range of its band, for an element that may be a Range.
        case band(JSONObject)
        /// Removed: not a number, or a band where a Range may not stand.
        case removed
    }

    /// UCUM's code for years.
    static let yearCode = "a"
    /// UCUM's system.
    static let ucum = "http://unitsofmeasure.org"

    /// The age `quantity` made coarse: over `maximumAge` (nil: no maximum) it is top-coded; with
    /// `bandWidth` above 1 it becomes its band, when `rangeAllowed`.
    public static func generalize(_ quantity: JSONObject, maximumAge: Int?, bandWidth: Int, rangeAllowed: Bool) -> Outcome {
        guard let years = years(quantity) else { return .removed }
        if let maximumAge, years > Double(maximumAge) || (years == Double(maximumAge) && quantity["comparator"]?.stringValue.map({ $0.hasPrefix(">") }) == true) {
            return .topCoded(yearsQuantity(maximumAge + 1, comparator: ">="))
        }
        guard bandWidth > 1 else {
            var kept = JSONObject()
            for key in ["value", "comparator", "unit", "system", "code"] { kept[key] = quantity[key] }
            return .unchanged(kept)
        }
        guard rangeAllowed else { return .removed }
        let low = Int(years.rounded(.down)) / bandWidth * bandWidth
        let high = min(low + bandWidth - 1, maximumAge ?? Int.max)
        return .band(JSONObject([(key: "low", value: .object(yearsQuantity(low))), (key: "high", value: .object(yearsQuantity(high)))]))
    }

    /// The age in years, from its UCUM code or else its unit; an age in an unknown unit is taken
    /// as years, so that it is never shown as younger than it is.
    public static func years(_ quantity: JSONObject) -> Double? {
        guard let value = quantity["value"]?.numberValue?.doubleValue else { return nil }
        let unit = (quantity["code"]?.stringValue ?? quantity["unit"]?.stringValue ?? yearCode).lowercased()
        switch unit {
        case "mo", "month", "months": return value / 12
        case "wk", "week", "weeks": return value * 7 / 365.25
        case "d", "day", "days": return value / 365.25
        case "h", "hour", "hours": return value / 8766
        case "min", "minute", "minutes": return value / 525_960
        default: return value
        }
    }

    private static func yearsQuantity(_ years: Int, comparator: String? = nil) -> JSONObject {
        var quantity = JSONObject()
        quantity["value"] = .number(JSONNumber(years))
        if let comparator { quantity["comparator"] = .string(comparator) }
        quantity["unit"] = "years"
        quantity["system"] = .string(ucum)
        quantity["code"] = .string(yearCode)
        return quantity
    }
}
