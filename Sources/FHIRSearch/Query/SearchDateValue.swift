public import Foundation

/// A FHIR date, dateTime or instant search value as the half-open range of instants its
/// precision covers: `2020` is `[2020-01-01T00:00:00Z, 2021-01-01T00:00:00Z)`, `2020-03-04T10:30`
/// the minute from 10:30 UTC. A value without a time zone is taken as UTC.
///
/// Accepted forms: `YYYY`, `YYYY-MM`, `YYYY-MM-DD` and `YYYY-MM-DDThh:mm[:ss[.fff]][Z|±hh:mm]`.
public struct SearchDateValue: Sendable, Hashable {
    /// The first instant covered.
    public var low: Date
    /// The first instant after the range.
    public var high: Date

    /// Parses `text`; nil when it is not one of the accepted forms or names a day that does not exist.
    public init?(parsing text: String) {
        var scanner = DigitScanner(text)
        guard let year = scanner.digits(4), year >= 1 else { return nil }
        var month = 1, day = 1
        guard scanner.skip("-") else {
            guard scanner.atEnd else { return nil }
            self.init(calendarFrom: (year, 1, 1), to: (year + 1, 1, 1))
            return
        }
        guard let parsedMonth = scanner.digits(2), (1...12).contains(parsedMonth) else { return nil }
        month = parsedMonth
        guard scanner.skip("-") else {
            guard scanner.atEnd else { return nil }
            let next = month == 12 ? (year + 1, 1, 1) : (year, month + 1, 1)
            self.init(calendarFrom: (year, month, 1), to: next)
            return
        }
        guard let parsedDay = scanner.digits(2), (1...Self.daysIn(month: month, year: year)).contains(parsedDay) else { return nil }
        day = parsedDay
        let dayStart = Self.daysSince1970(year: year, month: month, day: day) * 86_400
        guard scanner.skip("T") else {
            guard scanner.atEnd else { return nil }
            self.init(secondsSince1970: dayStart, fraction: 0, width: 86_400)
            return
        }
        guard let hour = scanner.digits(2), hour < 24, scanner.skip(":"), let minute = scanner.digits(2), minute < 60 else { return nil }
        var second = 0
        var width = 60.0
        var fraction = 0.0
        if scanner.skip(":") {
            guard let parsedSecond = scanner.digits(2), parsedSecond < 60 else { return nil }
            second = parsedSecond
            width = 1
            if scanner.skip(".") {
                guard let (value, count) = scanner.fraction(), count <= 9 else { return nil }
                fraction = value
                width = pow(10, -Double(count))
            }
        }
        var offsetSeconds = 0
        if scanner.skip("Z") {
            offsetSeconds = 0
        } else if let sign = scanner.sign() {
            guard let zoneHour = scanner.digits(2), zoneHour <= 14, scanner.skip(":"),
                  let zoneMinute = scanner.digits(2), zoneMinute < 60 else { return nil }
            offsetSeconds = sign * (zoneHour * 3600 + zoneMinute * 60)
        }
        guard scanner.atEnd else { return nil }
        self.init(secondsSince1970: dayStart + hour * 3600 + minute * 60 + second - offsetSeconds, fraction: fraction, width: width)
    }

    private init(calendarFrom start: (Int, Int, Int), to end: (Int, Int, Int)) {
        low = Date(timeIntervalSince1970: Double(Self.daysSince1970(year: start.0, month: start.1, day: start.2) * 86_400))
        high = Date(timeIntervalSince1970: Double(Self.daysSince1970(year: end.0, month: end.1, day: end.2) * 86_400))
    }

    private init(secondsSince1970 seconds: Int, fraction: Double, width: Double) {
        let start = Double(seconds) + fraction
        low = Date(timeIntervalSince1970: start)
        high = Date(timeIntervalSince1970: start + width)
    }

    /// The days in `month` of `year` in the proleptic Gregorian calendar.
    static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }

    /// The days from 1970-01-01 to the date, negative before it (proleptic Gregorian calendar).
    static func daysSince1970(year: Int, month: Int, day: Int) -> Int {
        let shiftedYear = month <= 2 ? year - 1 : year
        let era = (shiftedYear >= 0 ? shiftedYear : shiftedYear - 399) / 400
        let yearOfEra = shiftedYear - era * 400
        let dayOfYear = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }
}

/// Reads ASCII digits and punctuation from the front of a value.
private struct DigitScanner {
    let bytes: [UInt8]
    var index = 0

    init(_ text: String) {
        bytes = Array(text.utf8)
    }

    var atEnd: Bool { index == bytes.count }

    /// Exactly `count` digits as a number.
    mutating func digits(_ count: Int) -> Int? {
        guard index + count <= bytes.count else { return nil }
        var value = 0
        for byte in bytes[index..<index + count] {
            guard byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9") else { return nil }
            value = value * 10 + Int(byte - UInt8(ascii: "0"))
        }
        index += count
        return value
    }

    /// One or more digits read as the fraction after a decimal point, with how many there were.
    mutating func fraction() -> (Double, Int)? {
        var value = 0.0
        var scale = 1.0
        var count = 0
        while index < bytes.count, bytes[index] >= UInt8(ascii: "0"), bytes[index] <= UInt8(ascii: "9") {
            scale /= 10
            value += Double(bytes[index] - UInt8(ascii: "0")) * scale
            count += 1
            index += 1
        }
        return count > 0 ? (value, count) : nil
    }

    /// Skips `character` when it comes next.
    mutating func skip(_ character: Character) -> Bool {
        guard let ascii = character.asciiValue, index < bytes.count, bytes[index] == ascii else { return false }
        index += 1
        return true
    }

    /// `+` as 1 or `-` as -1, skipped, when one comes next.
    mutating func sign() -> Int? {
        if skip("+") { return 1 }
        if skip("-") { return -1 }
        return nil
    }
}
