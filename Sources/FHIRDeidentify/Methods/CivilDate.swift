/// A day of the proleptic Gregorian calendar, for moving and cutting FHIR dates without a
/// calendar object or a time zone.
struct CivilDate: Hashable {
    /// The year, 1 to 9999 for FHIR dates.
    var year: Int
    /// The month, 1 to 12.
    var month: Int
    /// The day of the month, from 1.
    var day: Int

    /// A day by its parts; the caller checks them.
    init(year: Int, month: Int, day: Int) {
        self.year = year
        self.month = month
        self.day = day
    }

    /// The day this many days after 1970-01-01 (before it when negative).
    init(daysSince1970 days: Int) {
        let total = days + Self.daysBefore(year: 1970)
        var year = Swift.max(1, total / 366)
        while Self.daysBefore(year: year + 1) <= total { year += 1 }
        while year > 1, Self.daysBefore(year: year) > total { year -= 1 }
        var remaining = total - Self.daysBefore(year: year)
        var month = 1
        while month < 12, remaining >= Self.daysIn(month: month, of: year) {
            remaining -= Self.daysIn(month: month, of: year)
            month += 1
        }
        self.init(year: year, month: month, day: remaining + 1)
    }

    /// The number of days from 1970-01-01 to this day.
    var daysSince1970: Int {
        var days = Self.daysBefore(year: year) - Self.daysBefore(year: 1970)
        for earlier in 1..<month { days += Self.daysIn(month: earlier, of: year) }
        return days + day - 1
    }

    /// This day moved by `days`.
    func adding(days: Int) -> CivilDate {
        CivilDate(daysSince1970: daysSince1970 + days)
    }

    /// `YYYY-MM-DD`.
    var text: String { text(suffix: "") }

    /// `YYYY-MM-DD` followed by `suffix` (a time and zone), made in one buffer.
    func text<Suffix: StringProtocol>(suffix: Suffix) -> String {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(10 + suffix.utf8.count)
        Self.appendDigits(year, 4, to: &bytes)
        bytes.append(UInt8(ascii: "-"))
        Self.appendDigits(month, 2, to: &bytes)
        bytes.append(UInt8(ascii: "-"))
        Self.appendDigits(day, 2, to: &bytes)
        bytes.append(contentsOf: suffix.utf8)
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Whether `year`, `month` and `day` name a day that exists.
    static func isValid(year: Int, month: Int, day: Int) -> Bool {
        (1...9999).contains(year) && (1...12).contains(month) && day >= 1 && day <= daysIn(month: month, of: year)
    }

    /// Days from 0001-01-01 to the first day of `year`.
    static func daysBefore(year: Int) -> Int {
        let previous = year - 1
        return previous * 365 + previous / 4 - previous / 100 + previous / 400
    }

    /// Whether `year` has a 29 February.
    static func isLeap(_ year: Int) -> Bool {
        year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)
    }

    /// The number of days in `month` of `year`.
    static func daysIn(month: Int, of year: Int) -> Int {
        switch month {
        case 2: isLeap(year) ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }

    /// `value` in decimal, zero-padded to `width` digits.
    static func pad(_ value: Int, _ width: Int) -> String {
        var bytes: [UInt8] = []
        appendDigits(value, width, to: &bytes)
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Appends `value` (not negative) in decimal, zero-padded to `width` digits.
    private static func appendDigits(_ value: Int, _ width: Int, to bytes: inout [UInt8]) {
        var digits: [UInt8] = []
        var rest = Swift.max(0, value)
        repeat {
            digits.append(UInt8(ascii: "0") + UInt8(rest % 10))
            rest /= 10
        } while rest > 0
        if digits.count < width { bytes.append(contentsOf: repeatElement(UInt8(ascii: "0"), count: width - digits.count)) }
        bytes.append(contentsOf: digits.reversed())
    }
}
