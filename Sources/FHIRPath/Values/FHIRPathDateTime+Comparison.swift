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
            let days = Self.epochDay(year: year, month: month, day: day) + dayShift
            (result.year, result.month, result.day) = Self.civil(epochDay: days)
        }
        return result
    }

    /// Days since 1970-01-01 of a Gregorian date.
    static func epochDay(year: Int, month: Int, day: Int) -> Int {
        let shiftedYear = month <= 2 ? year - 1 : year
        let era = (shiftedYear >= 0 ? shiftedYear : shiftedYear - 399) / 400
        let yearOfEra = shiftedYear - era * 400
        let dayOfYear = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }

    /// The Gregorian date of a day count since 1970-01-01.
    static func civil(epochDay: Int) -> (Int, Int, Int) {
        let shifted = epochDay + 719_468
        let era = (shifted >= 0 ? shifted : shifted - 146_096) / 146_097
        let dayOfEra = shifted - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let monthIndex = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * monthIndex + 2) / 5 + 1
        let month = monthIndex < 10 ? monthIndex + 3 : monthIndex - 9
        return (yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day)
    }
}
