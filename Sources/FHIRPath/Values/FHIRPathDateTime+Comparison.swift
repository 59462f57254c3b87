import FHIRModel
extension FHIRPathDateTime {
    /// The order of two values: -1, 0 or 1, or nil when they differ in precision and agree on
    /// every component both have (so neither order nor equality is known). Seconds and
    /// milliseconds count as one precision; values with time zones are compared in UTC.
    func compare(to other: FHIRPathDateTime) -> Int? {
        var lhs = self
        var rhs = other
        if let left = lhs.timeZoneOffset, let right = rhs.timeZoneOffset, left != right, lhs.precision >= .hour, rhs.precision >= .hour {
            lhs = lhs.adding(milliseconds: -left * 60_000)
            rhs = rhs.adding(milliseconds: -right * 60_000)
        }
        let levels: [(Precision, Int, Int)] = [
            (.year, lhs.year, rhs.year), (.month, lhs.month, rhs.month), (.day, lhs.day, rhs.day),
            (.hour, lhs.hour, rhs.hour), (.minute, lhs.minute, rhs.minute),
            (.second, lhs.second * 1000 + lhs.millisecond, rhs.second * 1000 + rhs.millisecond),
        ]
        for (level, left, right) in levels where lhs.hasDate || level >= .hour {
            let leftHas = lhs.precision >= level
            let rightHas = rhs.precision >= level
            if !leftHas || !rightHas { return leftHas == rightHas ? 0 : nil }
            if left != right { return left < right ? -1 : 1 }
        }
        return 0
    }

    /// The same instant moved by a number of milliseconds (calendar-correct across days, months and years).
    func adding(milliseconds: Int) -> FHIRPathDateTime {
        var result = self
        let dayMilliseconds = 86_400_000
        let timeOfDay = ((hour * 60 + minute) * 60 + second) * 1000 + millisecond
        let total = timeOfDay + milliseconds
        var dayShift = total / dayMilliseconds
        var remainder = total % dayMilliseconds
        if remainder < 0 {
            remainder += dayMilliseconds
            dayShift -= 1
        }
        result.hour = remainder / 3_600_000
        result.minute = remainder / 60_000 % 60
        result.second = remainder / 1000 % 60
        result.millisecond = remainder % 1000
        if hasDate, dayShift != 0 {
            let days = FHIRInstant.daysSince1970(year: year, month: month, day: day) + dayShift
            (result.year, result.month, result.day) = FHIRInstant.civilDate(daysSince1970: days)
        }
        return result
    }
}
