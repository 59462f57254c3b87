import Foundation

extension FunctionCall {
    /// now, today, timeOfDay, the component functions (yearOf, …), lowBoundary, highBoundary, precision, comparable.
    func temporal(_ function: FunctionName) throws -> [FHIRPathValue] {
        switch function {
        case .now, .today, .timeOfDay:
            return [clock(function)]
        case .comparable:
            guard let item = try singleInput(), case .quantity(let left) = item else { return [] }
            guard let other = try argument(0).first, case .quantity(let right) = other.systemValue else { return [] }
            return [.boolean(comparer.quantityOrder(left, right, equivalence: false) != nil)]
        default:
            break
        }
        guard let item = try singleInput() else { return [] }
        switch function {
        case .precision:
            switch item {
            case .date(let value), .dateTime(let value), .time(let value):
                return [.integer(Self.digitCount(value))]
            case .decimal(let value):
                return [.integer(Comparer.scale(of: value))]
            case .integer:
                return [.integer(0)]
            default:
                return []
            }
        case .lowBoundary, .highBoundary:
            return try boundary(item, high: function == .highBoundary)
        default:
            return component(function, of: item)
        }
    }

    private func clock(_ function: FunctionName) -> FHIRPathValue {
        let offset = evaluator.environment.timeZoneOffsetSeconds
        let seconds = Int((evaluator.now.timeIntervalSince1970 * 1000).rounded(.down))
        var epoch = FHIRPathDateTime(precision: .millisecond, timeZoneOffset: offset / 60)
        epoch.year = 1970
        let local = epoch.adding(milliseconds: seconds + offset * 1000)
        switch function {
        case .today:
            var date = local
            date.precision = .day
            date.timeZoneOffset = nil
            return .date(date)
        case .timeOfDay:
            var time = local
            time.hasDate = false
            time.timeZoneOffset = nil
            return .time(time)
        default:
            return .dateTime(local)
        }
    }

    private static func digitCount(_ value: FHIRPathDateTime) -> Int {
        if !value.hasDate {
            return [Precision.hour: 2, .minute: 4, .second: 6, .millisecond: 9][value.precision] ?? 2
        }
        return [Precision.year: 4, .month: 6, .day: 8, .hour: 10, .minute: 12, .second: 14, .millisecond: 17][value.precision] ?? 4
    }

    private typealias Precision = FHIRPathDateTime.Precision

    private func component(_ function: FunctionName, of item: FHIRPathValue) -> [FHIRPathValue] {
        guard case .date(let value) = item else {
            if case .dateTime(let value) = item { return component(function, of: value, isDateTime: true) }
            if case .time(let value) = item { return component(function, of: value, isDateTime: false) }
            return []
        }
        return component(function, of: value, isDateTime: false)
    }

    private func component(_ function: FunctionName, of value: FHIRPathDateTime, isDateTime: Bool) -> [FHIRPathValue] {
        func part(_ precision: Precision, _ number: Int) -> [FHIRPathValue] { value.precision >= precision ? [.integer(number)] : [] }
        switch function {
        case .yearOf: return value.hasDate ? part(.year, value.year) : []
        case .monthOf: return value.hasDate ? part(.month, value.month) : []
        case .dayOf: return value.hasDate ? part(.day, value.day) : []
        case .hourOf: return part(.hour, value.hour)
        case .minuteOf: return part(.minute, value.minute)
        case .secondOf: return part(.second, value.second)
        case .millisecondOf: return part(.millisecond, value.millisecond)
        case .timezoneOffsetOf:
            return value.timeZoneOffset.map { [.decimal(Decimal($0) / 60)] } ?? []
        case .dateOf:
            var date = value
            date.precision = min(value.precision, .day)
            date.timeZoneOffset = nil
            return value.hasDate ? [.date(date)] : []
        default:
            guard isDateTime, value.precision >= .hour else { return [] }
            var time = value
            time.hasDate = false
            time.timeZoneOffset = nil
            return [.time(time)]
        }
    }

    private func boundary(_ item: FHIRPathValue, high: Bool) throws -> [FHIRPathValue] {
        let requested = arguments.isEmpty ? nil : try integerArgument(0)
        switch item {
        case .integer(let value):
            return decimalBoundary(Decimal(value), scale: 0, requested: requested, high: high)
        case .decimal(let value):
            return decimalBoundary(value, scale: Comparer.scale(of: value), requested: requested, high: high)
        case .quantity(let quantity):
            let bounds = decimalBoundary(quantity.value, scale: Comparer.scale(of: quantity.value), requested: requested, high: high)
            guard case .decimal(let value)? = bounds.first else { return [] }
            return [.quantity(FHIRPathQuantity(value: value, unit: quantity.unit))]
        case .date(let value), .dateTime(let value), .time(let value):
            var result = value
            let target: Precision
            if let requested {
                let map: [Int: Precision] = value.hasDate
                    ? [4: .year, 6: .month, 8: .day, 10: .hour, 12: .minute, 14: .second, 17: .millisecond]
                    : [2: .hour, 4: .minute, 6: .second, 9: .millisecond]
                guard let mapped = map[requested] else { return [] }
                target = mapped
            } else {
                target = .millisecond
            }
            if value.precision < .month { result.month = high ? 12 : 1 }
            if value.precision < .day { result.day = high ? FHIRPathDateTime.daysIn(month: result.month, year: result.year) : 1 }
            if value.precision < .hour { result.hour = high ? 23 : 0 }
            if value.precision < .minute { result.minute = high ? 59 : 0 }
            if value.precision < .second { result.second = high ? 59 : 0 }
            if value.precision < .millisecond { result.millisecond = high ? 999 : 0 }
            result.precision = target
            if case .date = item {
                result.precision = min(target, .day)
                return [.date(result)]
            }
            if case .time = item { return [.time(result)] }
            if target >= .hour, result.timeZoneOffset == nil { result.timeZoneOffset = high ? -12 * 60 : 14 * 60 }
            return [.dateTime(result)]
        default:
            return []
        }
    }

    private func decimalBoundary(_ value: Decimal, scale: Int, requested: Int?, high: Bool) -> [FHIRPathValue] {
        let target = requested ?? 8
        guard target >= 0, target <= 28 else { return [] }
        var half = Decimal(5)
        for _ in 0...scale { half /= 10 }
        let shifted = value < 0 ? (high ? value + half : value - half) : (high ? value + half : value - half)
        let mode: NSDecimalNumber.RoundingMode = high ? .up : .down
        if target < scale + 1 {
            return [.decimal(Self.round(value < 0 ? (high ? value + half : value - half) : shifted, target, mode))]
        }
        return [.decimal(shifted)]
    }
}
