public import FHIRModel
import Foundation

extension FHIRPathValue {
    /// The item as JSON: primitives as JSON strings, Booleans and numbers (decimals keep their
    /// digits), dates and times as text without `@`, a Quantity as `{"value": …, "unit": …}`, and
    /// elements as their own JSON (a primitive element with only extensions as its `_name` object).
    public var jsonValue: JSONValue {
        switch self {
        case .boolean(let value): return .bool(value)
        case .integer(let value): return .number(JSONNumber(value))
        case .decimal(let value): return ValueRendering.number(value)
        case .string(let value): return .string(value)
        case .date(let value), .dateTime(let value), .time(let value): return .string(value.text)
        case .quantity(let quantity):
            return ["value": ValueRendering.number(quantity.value), "unit": .string(quantity.unit)]
        case .element(let element):
            if element.json == .null, let extensions = element.primitiveExtension { return .object(extensions) }
            return element.json
        }
    }
}

/// Text forms of System values.
enum ValueRendering {
    static func number(_ value: Decimal) -> JSONValue {
        JSONNumber(value.description).map(JSONValue.number) ?? .string(value.description)
    }

    /// `5 'mg'`, or `2 years` for a calendar duration.
    static func quantityText(_ quantity: FHIRPathQuantity) -> String {
        if quantity.isCalendarDuration { return "\(quantity.value) \(quantity.unit)\(quantity.value == 1 ? "" : "s")" }
        return "\(quantity.value) '\(quantity.unit)'"
    }
}
