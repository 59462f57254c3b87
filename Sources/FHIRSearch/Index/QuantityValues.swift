import Foundation
import FHIRModel
import FHIRPath
import UCUM

/// The quantity rows of one value of a quantity parameter.
enum QuantityValues {
    /// The system of UCUM units.
    static let ucumSystem = "http://unitsofmeasure.org"
    /// The FHIR types that are quantities with a unit (Money is not).
    static let quantityTypes: Set<String> = ["Quantity", "Age", "Duration", "Count", "Distance", "SimpleQuantity", "MoneyQuantity"]

    /// The row of `value` for `parameter`: a Quantity (or Age, Duration, …) with a value; nil for
    /// other types. A UCUM unit that converts adds the value in canonical units.
    static func row(of value: FHIRPathValue, parameter: String) -> QuantityIndexRow? {
        guard case .element(let element) = value, quantityTypes.contains(element.typeName) else { return nil }
        let json = element.json
        guard let number = json["value"]?.numberValue,
              let amount = Decimal(string: number.text, locale: Locale(identifier: "en_US_POSIX")) else { return nil }
        let system = json["system"]?.stringValue ?? ""
        let code = json["code"]?.stringValue
        var canonical: (value: Decimal, unit: String)?
        if system == ucumSystem, let code {
            canonical = try? UCUMSystem.shared.canonicalQuantity(amount, unit: code)
        }
        return QuantityIndexRow(
            parameter: parameter,
            value: amount,
            system: system,
            code: code ?? json["unit"]?.stringValue ?? "",
            canonicalValue: canonical?.value,
            canonicalCode: canonical?.unit
        )
    }
}
