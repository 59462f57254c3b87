import Foundation

extension FunctionCall {
    /// The to… and convertsTo… functions.
    func conversion(_ function: FunctionName) throws -> [FHIRPathValue] {
        guard let item = try singleInput() else { return [] }
        let converted: FHIRPathValue?
        switch function {
        case .toBoolean, .convertsToBoolean: converted = Self.toBoolean(item)
        case .toInteger, .convertsToInteger, .toLong, .convertsToLong: converted = Self.toInteger(item)
        case .toDecimal, .convertsToDecimal: converted = Self.toDecimal(item)
        case .toString, .convertsToString: converted = Self.toString(item)
        case .toDate, .convertsToDate: converted = Self.toDate(item)
        case .toDateTime, .convertsToDateTime: converted = Self.toDateTime(item)
        case .toTime, .convertsToTime: converted = Self.toTime(item)
        default:
            converted = try toQuantity(item)
        }
        if function.rawValue.hasPrefix("convertsTo") { return [.boolean(converted != nil)] }
        return converted.map { [$0] } ?? []
    }

    static func toBoolean(_ item: FHIRPathValue) -> FHIRPathValue? {
        switch item {
        case .boolean: return item
        case .integer(let value): return value == 0 ? .boolean(false) : (value == 1 ? .boolean(true) : nil)
        case .decimal(let value): return value == 0 ? .boolean(false) : (value == 1 ? .boolean(true) : nil)
        case .string(let text):
            switch text.lowercased() {
            case "true", "t", "yes", "y", "1", "1.0": return .boolean(true)
            case "false", "f", "no", "n", "0", "0.0": return .boolean(false)
            default: return nil
            }
        default: return nil
        }
    }

    static func toInteger(_ item: FHIRPathValue) -> FHIRPathValue? {
        switch item {
        case .integer: return item
        case .boolean(let value): return .integer(value ? 1 : 0)
        case .string(let text):
            guard text.wholeMatch(of: /[+-]?[0-9]+/) != nil, let value = Int(text) else { return nil }
            return .integer(value)
        default: return nil
        }
    }

    static func toDecimal(_ item: FHIRPathValue) -> FHIRPathValue? {
        switch item {
        case .decimal: return item
        case .integer(let value): return .decimal(Decimal(value))
        case .boolean(let value): return .decimal(value ? 1 : 0)
        case .string(let text):
            guard text.wholeMatch(of: /[+-]?[0-9]+(\.[0-9]+)?/) != nil else { return nil }
            return PrimitiveConversion.decimal(text).map(FHIRPathValue.decimal)
        default: return nil
        }
    }

    static func toString(_ item: FHIRPathValue) -> FHIRPathValue? {
        switch item {
        case .string: return item
        case .boolean(let value): return .string(value ? "true" : "false")
        case .integer(let value): return .string(String(value))
        case .decimal(let value): return .string(value.description)
        case .date(let value), .dateTime(let value), .time(let value): return .string(value.text)
        case .quantity(let quantity): return .string(ValueRendering.quantityText(quantity))
        case .element: return nil
        }
    }

    static func toDate(_ item: FHIRPathValue) -> FHIRPathValue? {
        switch item {
        case .date: return item
        case .dateTime(var value):
            value.precision = min(value.precision, .day)
            value.timeZoneOffset = nil
            return .date(value)
        case .string(let text):
            guard let value = FHIRPathDateTime(parsing: text), value.precision <= .day, !text.contains("T") else { return nil }
            return .date(value)
        default: return nil
        }
    }

    static func toDateTime(_ item: FHIRPathValue) -> FHIRPathValue? {
        switch item {
        case .dateTime: return item
        case .date(let value): return .dateTime(value)
        case .string(let text):
            return FHIRPathDateTime(parsing: text).map(FHIRPathValue.dateTime)
        default: return nil
        }
    }

    static func toTime(_ item: FHIRPathValue) -> FHIRPathValue? {
        switch item {
        case .time: return item
        case .string(let text):
            return FHIRPathDateTime(parsing: text, timeOnly: true).map(FHIRPathValue.time)
        default: return nil
        }
    }

    private func toQuantity(_ item: FHIRPathValue) throws -> FHIRPathValue? {
        var quantity: FHIRPathQuantity?
        switch item {
        case .quantity(let value): quantity = value
        case .integer(let value): quantity = FHIRPathQuantity(value: Decimal(value), unit: "1")
        case .decimal(let value): quantity = FHIRPathQuantity(value: value, unit: "1")
        case .boolean(let value): quantity = FHIRPathQuantity(value: value ? 1 : 0, unit: "1")
        case .string(let text):
            if let match = text.wholeMatch(of: /([+-]?[0-9]+(?:\.[0-9]+)?)\s*(?:'([^']+)'|([a-zA-Z]+))?/),
               let value = PrimitiveConversion.decimal(String(match.1)) {
                if let unit = match.2 {
                    quantity = FHIRPathQuantity(value: value, unit: String(unit))
                } else if let word = match.3 {
                    quantity = CalendarUnit.singular(String(word)).map { FHIRPathQuantity(value: value, unit: $0) }
                } else {
                    quantity = FHIRPathQuantity(value: value, unit: "1")
                }
            }
        default: quantity = nil
        }
        guard let quantity, arguments.count == 1 else { return quantity.map(FHIRPathValue.quantity) }
        guard let target = try stringArgument(0) else { return nil }
        if quantity.unit == target { return .quantity(quantity) }
        let from = CalendarUnit(rawValue: quantity.unit)?.ucumCode ?? quantity.unit
        let to = CalendarUnit(rawValue: target)?.ucumCode ?? target
        return evaluator.environment.unitConverter.convert(quantity.value, from: from, to: to).map { .quantity(FHIRPathQuantity(value: $0, unit: target)) }
    }
}
