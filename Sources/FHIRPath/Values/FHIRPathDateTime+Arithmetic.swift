import Foundation

extension FHIRPathDateTime {
    /// The value moved by a calendar duration. Whole years and months keep the day of the month
    /// (clamped to the month's length); shorter units move the instant. A duration finer than
    /// the value's precision is converted to that precision and truncated.
    func adding(_ amount: Decimal, _ unit: CalendarUnit) -> FHIRPathDateTime {
        var result = self
        switch unit {
        case .year, .month:
            var months = truncated(amount) * (unit == .year ? 12 : 1)
            if precision == .year { months = months / 12 * 12 }
            let total = year * 12 + (month - 1) + months
            result.year = total >= 0 ? total / 12 : (total - 11) / 12
            result.month = total - result.year * 12 + 1
            result.day = min(day, Self.daysIn(month: result.month, year: result.year))
            return result
        default:
            let millisecondsPerUnit: Decimal = switch unit {
            case .week: 604_800_000
            case .day: 86_400_000
            case .hour: 3_600_000
            case .minute: 60_000
            case .second: 1000
            default: 1
            }
            var milliseconds = truncated(amount * millisecondsPerUnit)
            let granularity: Int? = switch precision {
            case .year, .month: nil
            case .day: 86_400_000
            case .hour: 3_600_000
            case .minute: 60_000
            case .second: 1000
            case .millisecond: 1
            }
            guard let granularity else {
                let months = milliseconds / (86_400_000 * 30)
                return adding(Decimal(months), .month)
            }
            milliseconds = milliseconds / granularity * granularity
            return adding(milliseconds: milliseconds)
        }
    }

    private func truncated(_ value: Decimal) -> Int {
        var source = value
        var rounded = Decimal()
        NSDecimalRound(&rounded, &source, 0, value < 0 ? .up : .down)
        return NSDecimalNumber(decimal: rounded).intValue
    }
}
