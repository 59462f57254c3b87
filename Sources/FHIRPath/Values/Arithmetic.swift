import Foundation

/// The arithmetic operators on System values: numbers, strings, quantities, dates and times.
struct Arithmetic {
    let converter: any UnitConverter

    /// The result of `lhs op rhs`, or nil (empty) for division by zero and integer overflow.
    func apply(_ op: BinaryOperator, _ lhs: FHIRPathValue, _ rhs: FHIRPathValue) throws -> FHIRPathValue? {
        switch (lhs, rhs) {
        case (.integer(let a), .integer(let b)):
            return integer(op, a, b)
        case (.integer, .decimal), (.decimal, .integer), (.decimal, .decimal):
            guard let a = Comparer.decimal(lhs), let b = Comparer.decimal(rhs) else { return nil }
            return try decimal(op, a, b).map(FHIRPathValue.decimal)
        case (.string(let a), .string(let b)) where op == .add:
            return .string(a + b)
        case (.quantity(let a), .quantity(let b)):
            return try quantity(op, a, b)
        case (.quantity(let a), .integer), (.quantity(let a), .decimal):
            guard op == .multiply || op == .divide, let b = Comparer.decimal(rhs) else { break }
            guard let value = try decimal(op, a.value, b) else { return nil }
            return .quantity(FHIRPathQuantity(value: value, unit: a.unit))
        case (.integer, .quantity(let b)), (.decimal, .quantity(let b)):
            guard op == .multiply, let a = Comparer.decimal(lhs) else { break }
            return .quantity(FHIRPathQuantity(value: a * b.value, unit: b.unit))
        case (.date(let a), .quantity(let q)), (.dateTime(let a), .quantity(let q)), (.time(let a), .quantity(let q)):
            guard op == .add || op == .subtract else { break }
            let moved = try move(a, by: q, negate: op == .subtract)
            switch lhs {
            case .date: return .date(moved)
            case .time: return .time(moved)
            default: return .dateTime(moved)
            }
        default:
            break
        }
        throw FHIRPathError.execution("cannot apply '\(op.rawValue)' to \(lhs.typeName) and \(rhs.typeName)")
    }

    private func integer(_ op: BinaryOperator, _ a: Int, _ b: Int) -> FHIRPathValue? {
        switch op {
        case .add:
            let (value, overflow) = a.addingReportingOverflow(b)
            return overflow ? nil : .integer(value)
        case .subtract:
            let (value, overflow) = a.subtractingReportingOverflow(b)
            return overflow ? nil : .integer(value)
        case .multiply:
            let (value, overflow) = a.multipliedReportingOverflow(by: b)
            return overflow ? nil : .integer(value)
        case .divide:
            return b == 0 ? nil : .decimal(Decimal(a) / Decimal(b))
        case .div:
            return b == 0 ? nil : .integer(a / b)
        case .mod:
            return b == 0 ? nil : .integer(a % b)
        default:
            return nil
        }
    }

    private func decimal(_ op: BinaryOperator, _ a: Decimal, _ b: Decimal) throws -> Decimal? {
        switch op {
        case .add: return a + b
        case .subtract: return a - b
        case .multiply: return a * b
        case .divide: return b == 0 ? nil : a / b
        case .div: return b == 0 ? nil : Self.truncate(a / b)
        case .mod: return b == 0 ? nil : a - b * Self.truncate(a / b)
        default: throw FHIRPathError.execution("cannot apply '\(op.rawValue)' to numbers")
        }
    }

    private func quantity(_ op: BinaryOperator, _ a: FHIRPathQuantity, _ b: FHIRPathQuantity) throws -> FHIRPathValue? {
        switch op {
        case .add, .subtract:
            let right: Decimal?
            if a.unit == b.unit {
                right = b.value
            } else {
                right = converter.convert(b.value, from: ucum(b.unit), to: ucum(a.unit))
            }
            guard let right else { return nil }
            return .quantity(FHIRPathQuantity(value: op == .add ? a.value + right : a.value - right, unit: a.unit))
        case .multiply:
            let unit = a.unit == "1" ? b.unit : (b.unit == "1" ? a.unit : "\(a.unit).\(b.unit)")
            return .quantity(FHIRPathQuantity(value: a.value * b.value, unit: unit))
        case .divide:
            guard b.value != 0 else { return nil }
            if a.unit == b.unit { return .quantity(FHIRPathQuantity(value: a.value / b.value, unit: "1")) }
            if let converted = converter.convert(b.value, from: ucum(b.unit), to: ucum(a.unit)), converted != 0 {
                return .quantity(FHIRPathQuantity(value: a.value / converted, unit: "1"))
            }
            return .quantity(FHIRPathQuantity(value: a.value / b.value, unit: b.unit == "1" ? a.unit : "\(a.unit)/\(b.unit)"))
        default:
            throw FHIRPathError.execution("cannot apply '\(op.rawValue)' to quantities")
        }
    }

    private func ucum(_ unit: String) -> String {
        CalendarUnit(rawValue: unit)?.ucumCode ?? unit
    }

    /// A date, date-time or time moved by a duration: a calendar keyword, or a UCUM time unit of definite length.
    private func move(_ value: FHIRPathDateTime, by quantity: FHIRPathQuantity, negate: Bool) throws -> FHIRPathDateTime {
        guard let unit = CalendarUnit(rawValue: quantity.unit) ?? CalendarUnit.definite(ucum: quantity.unit) else {
            throw FHIRPathError.execution("'\(quantity.unit)' is not a duration that can be added to a date or time")
        }
        if !value.hasDate, unit == .year || unit == .month || unit == .week || unit == .day {
            throw FHIRPathError.execution("a time cannot be moved by \(unit.rawValue)s")
        }
        return value.adding(negate ? -quantity.value : quantity.value, unit)
    }

    static func truncate(_ value: Decimal) -> Decimal {
        var source = value
        var result = Decimal()
        NSDecimalRound(&result, &source, 0, value < 0 ? .up : .down)
        return result
    }
}
