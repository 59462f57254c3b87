public import FHIRModel

/// Addresses made coarse: Safe Harbor keeps the state, the country and the first three digits
/// of a US ZIP code (`000` for the restricted prefixes, whose areas hold fewer than 20,000
/// people); the limited data set keeps the city and the 5-digit ZIP code too. Everything else
/// of the address — lines, district, text, period, use, type, extensions — is removed.
public enum AddressGeneralization {
    /// The names of the United States a `country` may be written with, upper-cased.
    static let unitedStatesNames: Set<String> = ["US", "USA", "U.S.", "U.S.A.", "UNITED STATES", "UNITED STATES OF AMERICA", "840"]

    /// The address kept to state, country and ZIP3 (or, with `zip5`, city and 5-digit ZIP too);
    /// nil when nothing is left.
    public static func generalize(_ address: JSONObject, zip5: Bool, restrictedZIP3: Set<String>) -> JSONObject? {
        var result = JSONObject()
        if zip5, let city = address["city"]?.stringValue { result["city"] = .string(city) }
        if let state = address["state"]?.stringValue { result["state"] = .string(state) }
        if let postalCode = address["postalCode"]?.stringValue, isUnitedStates(address["country"]?.stringValue),
           let zip = zip5 ? zip5Code(postalCode) : zip3(postalCode, restricted: restrictedZIP3) {
            result["postalCode"] = .string(zip)
        }
        if let country = address["country"]?.stringValue { result["country"] = .string(country) }
        return result.isEmpty ? nil : result
    }

    /// The ZIP3 of a US ZIP code (`02139` or `02139-4307` gives `021`), `000` for a restricted
    /// prefix; nil for anything that is not a ZIP code.
    public static func zip3(_ postalCode: String, restricted: Set<String>) -> String? {
        guard let zip = zip5Code(postalCode) else { return nil }
        let prefix = String(zip.prefix(3))
        return restricted.contains(prefix) ? "000" : prefix
    }

    /// The five digits of a US ZIP code (`02139`, `02139-4307` or `021394307`); nil otherwise.
    public static func zip5Code(_ postalCode: String) -> String? {
        let text = postalCode.trimmingWhitespace
        let bytes = Array(text.utf8)
        func digits(_ range: Range<Int>) -> Bool {
            range.upperBound <= bytes.count && bytes[range].allSatisfy { $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }
        }
        let valid = (bytes.count == 5 && digits(0..<5))
            || (bytes.count == 9 && digits(0..<9))
            || (bytes.count == 10 && digits(0..<5) && bytes[5] == UInt8(ascii: "-") && digits(6..<10))
        return valid ? String(text.prefix(5)) : nil
    }

    /// Whether an address with this `country` is in the United States: no country is taken as
    /// the US (Kiln's research data is US data); any other country is not.
    static func isUnitedStates(_ country: String?) -> Bool {
        guard let country else { return true }
        return unitedStatesNames.contains(country.trimmingWhitespace.uppercased())
    }
}

extension String {
    /// Without leading and trailing spaces, tabs and line breaks.
    var trimmingWhitespace: String {
        let scalars = unicodeScalars
        guard let start = scalars.firstIndex(where: { !$0.properties.isWhitespace }),
              let end = scalars.lastIndex(where: { !$0.properties.isWhitespace }) else { return "" }
        return String(scalars[start...end])
    }
}
