public import Foundation

/// FHIR `instant` values: a moment in time with a time zone, written with millisecond precision.
public enum FHIRInstant {
    /// The FHIR `instant` text for a date, in UTC with milliseconds: `2024-05-01T12:00:00.123Z`.
    public static func format(_ date: Date) -> String {
        // Round to the microsecond first: the Double holds 1970-based milliseconds only approximately
        // (e.g. -0.001 s is slightly below -1 ms), and truncating that error would lose a millisecond.
        let microseconds = (date.timeIntervalSince1970 * 1_000_000).rounded()
        let milliseconds = Int64((microseconds / 1000).rounded(.down))
        return format(millisecondsSince1970: milliseconds)
    }

    /// The FHIR `instant` text for a count of milliseconds since 1970 in UTC.
    public static func format(millisecondsSince1970 milliseconds: Int64) -> String {
        let seconds = milliseconds >= 0 ? milliseconds / 1000 : (milliseconds - 999) / 1000
        let millis = Int(milliseconds - seconds * 1000)
        var days = Int(seconds / 86400)
        var secondOfDay = Int(seconds % 86400)
        if secondOfDay < 0 {
            secondOfDay += 86400
            days -= 1
        }
        let (year, month, day) = civilDate(daysSince1970: days)
        func pad(_ value: Int, _ width: Int) -> String {
            let text = String(value)
            return String(repeating: "0", count: max(0, width - text.count)) + text
        }
        return "\(pad(year, 4))-\(pad(month, 2))-\(pad(day, 2))T\(pad(secondOfDay / 3600, 2)):\(pad(secondOfDay / 60 % 60, 2)):\(pad(secondOfDay % 60, 2)).\(pad(millis, 3))Z"
    }

    /// The HTTP-date (RFC 9110, IMF-fixdate) for a date, as `Last-Modified` needs it.
    public static func httpDate(_ date: Date) -> String {
        let seconds = Int(date.timeIntervalSince1970.rounded(.down))
        let days = seconds >= 0 ? seconds / 86400 : (seconds - 86399) / 86400
        let secondOfDay = seconds - days * 86400
        let (year, month, day) = civilDate(daysSince1970: days)
        let weekdays = ["Thu", "Fri", "Sat", "Sun", "Mon", "Tue", "Wed"]
        let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
        let weekday = weekdays[((days % 7) + 7) % 7]
        func pad(_ value: Int) -> String { value < 10 ? "0\(value)" : "\(value)" }
        return "\(weekday), \(pad(day)) \(months[month - 1]) \(year) \(pad(secondOfDay / 3600)):\(pad(secondOfDay / 60 % 60)):\(pad(secondOfDay % 60)) GMT"
    }

    /// Parses a FHIR `instant`, `date` or `dateTime`, as `_since` and `_at` accept, as the start of
    /// the period it names: a missing month or day is the first, a missing time is midnight, a
    /// missing zone is UTC (`2024` is `2024-01-01T00:00:00Z`). Returns nil for anything else,
    /// including days a month does not have.
    public static func parse(_ text: String) -> Date? {
        let bytes = Array(text.utf8)
        func number(_ range: Range<Int>) -> Int? {
            guard range.upperBound <= bytes.count else { return nil }
            var value = 0
            for index in range {
                let byte = bytes[index]
                guard byte >= 0x30 && byte <= 0x39 else { return nil }
                value = value * 10 + Int(byte - 0x30)
            }
            return value
        }
        guard let year = number(0..<4) else { return nil }
        var month = 1, day = 1, hour = 0, minute = 0, second = 0
        var fraction = 0.0
        var offsetSeconds = 0
        var index = 4
        if bytes.count > index {
            guard bytes[index] == UInt8(ascii: "-"), let parsedMonth = number(5..<7) else { return nil }
            month = parsedMonth
            index = 7
            if bytes.count > index {
                guard bytes[index] == UInt8(ascii: "-"), let parsedDay = number(8..<10) else { return nil }
                day = parsedDay
                index = 10
            }
        }
        if bytes.count > index {
            guard bytes[index] == UInt8(ascii: "T"),
                  let parsedHour = number(11..<13), bytes.count > 13, bytes[13] == UInt8(ascii: ":"),
                  let parsedMinute = number(14..<16)
            else { return nil }
            hour = parsedHour
            minute = parsedMinute
            index = 16
            if bytes.count > index, bytes[index] == UInt8(ascii: ":") {
                guard let parsedSecond = number(17..<19) else { return nil }
                second = parsedSecond
                index = 19
                if bytes.count > index, bytes[index] == UInt8(ascii: ".") {
                    var end = index + 1
                    while end < bytes.count, bytes[end] >= 0x30, bytes[end] <= 0x39 { end += 1 }
                    guard end > index + 1, let value = Double("0" + String(decoding: bytes[index..<end], as: UTF8.self)) else { return nil }
                    fraction = value
                    index = end
                }
            }
            if bytes.count > index {
                if bytes[index] == UInt8(ascii: "Z") {
                    index += 1
                } else if bytes[index] == UInt8(ascii: "+") || bytes[index] == UInt8(ascii: "-") {
                    guard let zoneHour = number(index + 1..<index + 3), bytes.count > index + 3,
                          bytes[index + 3] == UInt8(ascii: ":"), let zoneMinute = number(index + 4..<index + 6)
                    else { return nil }
                    guard zoneHour <= 14, zoneMinute < 60 else { return nil }
                    offsetSeconds = (zoneHour * 3600 + zoneMinute * 60) * (bytes[index] == UInt8(ascii: "-") ? -1 : 1)
                    index += 6
                } else {
                    return nil
                }
            }
        }
        guard index == bytes.count, (1...12).contains(month), (1...daysInMonth(year: year, month: month)).contains(day),
              hour < 24, minute < 60, second < 61
        else { return nil }
        let days = daysSince1970(year: year, month: month, day: day)
        let seconds = Double(days * 86400 + hour * 3600 + minute * 60 + second - offsetSeconds) + fraction
        return Date(timeIntervalSince1970: seconds)
    }

    /// The number of days in `month` (1–12) of `year` in the proleptic Gregorian calendar.
    static func daysInMonth(year: Int, month: Int) -> Int {
        switch month {
        case 2: year % 4 == 0 && (year % 100 != 0 || year % 400 == 0) ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }

    /// Days since 1970-01-01 for a proleptic Gregorian date (Howard Hinnant's algorithm).
    public static func daysSince1970(year: Int, month: Int, day: Int) -> Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yearOfEra = y - era * 400
        let dayOfYear = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146097 + dayOfEra - 719468
    }

    /// The proleptic Gregorian date for a count of days since 1970-01-01.
    public static func civilDate(daysSince1970 days: Int) -> (year: Int, month: Int, day: Int) {
        let z = days + 719468
        let era = (z >= 0 ? z : z - 146096) / 146097
        let dayOfEra = z - era * 146097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36524 - dayOfEra / 146096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let mp = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * mp + 2) / 5 + 1
        let month = mp < 10 ? mp + 3 : mp - 9
        return (yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day)
    }
}
