import FHIRDefinitions
import Foundation
import UCUM

/// Reads quantity search values: `[prefix]number|system|code`, `[prefix]number||code` or
/// `[prefix]number`, with the canonical UCUM form when the system is UCUM and the unit converts.
enum SearchQuantityValue {
    /// The UCUM system URL.
    static let ucumSystem = "http://unitsofmeasure.org"

    /// The criterion for `text` (escapes kept); nil when it is malformed. `comparator` is the
    /// prefix already taken off, if any.
    static func criterion(_ text: String, comparator: SearchComparator) -> QuantityCriterion? {
        let parts = SearchValueText.split(text, on: "|")
        guard parts.count == 1 || parts.count == 3,
              let number = SearchNumberValue(parsing: SearchValueText.unescape(parts[0])) else { return nil }
        let system = parts.count == 3 ? nonEmpty(SearchValueText.unescape(parts[1])) : nil
        let code = parts.count == 3 ? nonEmpty(SearchValueText.unescape(parts[2])) : nil
        let written = NumberCriterion(comparator: comparator, value: number.value, low: number.low, high: number.high)
        return QuantityCriterion(number: written, system: system, code: code, canonical: canonical(written, system: system, code: code))
    }

    /// `number` in canonical UCUM units, when `system` is UCUM and `code` is a UCUM unit.
    static func canonical(_ number: NumberCriterion, system: String?, code: String?) -> CanonicalQuantity? {
        guard system == ucumSystem, let code else { return nil }
        let units = UCUMSystem.shared
        guard let value = try? units.canonicalQuantity(number.value, unit: code),
              let low = try? units.canonicalQuantity(number.low, unit: code),
              let high = try? units.canonicalQuantity(number.high, unit: code) else { return nil }
        let ordered = low.value <= high.value ? (low.value, high.value) : (high.value, low.value)
        return CanonicalQuantity(
            number: NumberCriterion(comparator: number.comparator, value: value.value, low: ordered.0, high: ordered.1),
            code: value.unit
        )
    }

    private static func nonEmpty(_ text: String) -> String? {
        text.isEmpty ? nil : text
    }
}
