/// A FHIRPath date, date-time or time, with partial precision and an optional time zone.
///
/// `@2012-04` has month precision; `@2012-04-15T10:30` has minute precision; `@T14:30` is a
/// time (``hasDate`` false). Components finer than ``precision`` are zero.
public struct FHIRPathDateTime: Sendable, Hashable {
    /// The finest component given.
    public enum Precision: Int, Sendable, Hashable, Comparable {
        case year, month, day, hour, minute, second, millisecond

        /// Orders precisions from coarse to fine.
        public static func < (lhs: Precision, rhs: Precision) -> Bool { lhs.rawValue < rhs.rawValue }
    }

    /// The year (0 for a time).
    public var year = 0
    /// The month, 1–12 (1 when not given).
    public var month = 1
    /// The day of the month (1 when not given).
    public var day = 1
    /// The hour, 0–23.
    public var hour = 0
    /// The minute.
    public var minute = 0
    /// The second.
    public var second = 0
    /// The millisecond.
    public var millisecond = 0
    /// The finest component given.
    public var precision: Precision
    /// The time zone offset in minutes east of UTC, when given.
    public var timeZoneOffset: Int?
    /// False for a time of day without a date.
    public var hasDate: Bool

    /// A value with the given precision; set the components afterwards.
    public init(precision: Precision, hasDate: Bool = true, timeZoneOffset: Int? = nil) {
        self.precision = precision
        self.hasDate = hasDate
        self.timeZoneOffset = timeZoneOffset
    }

    /// Parses FHIR or FHIRPath text (without `@`): `2012`, `2012-04-15T10:30:00.123+02:00`, `2015T`,
    /// or a time with a leading `T` (`T14:30`) or, when `timeOnly`, without it (`14:30:00`).
    public init?(parsing text: String, timeOnly: Bool = false) {
        var scanner = DigitScanner(Array(text.utf8))
        if timeOnly || scanner.peek == UInt8(ascii: "T") {
            if scanner.peek == UInt8(ascii: "T") { scanner.index += 1 }
            self.init(precision: .hour, hasDate: false)
            guard scanTime(&scanner), scanner.atEnd else { return nil }
            return
        }
        self.init(precision: .year)
        guard let year = scanner.number(4) else { return nil }
        self.year = year
        if scanner.skip("-") {
            guard let month = scanner.number(2), (1...12).contains(month) else { return nil }
            self.month = month
            precision = .month
            if scanner.skip("-") {
                guard let day = scanner.number(2), day >= 1, day <= Self.daysIn(month: month, year: year) else { return nil }
                self.day = day
                precision = .day
            }
        }
        if scanner.skip("T") {
            if scanner.atEnd { return }
            guard precision == .day, scanTime(&scanner) else { return nil }
            if scanner.skip("Z") {
                timeZoneOffset = 0
            } else if let sign = scanner.peek, sign == UInt8(ascii: "+") || sign == UInt8(ascii: "-") {
                scanner.index += 1
                guard let hours = scanner.number(2), scanner.skip(":"), let minutes = scanner.number(2) else { return nil }
                timeZoneOffset = (hours * 60 + minutes) * (sign == UInt8(ascii: "-") ? -1 : 1)
            }
        }
        guard scanner.atEnd else { return nil }
    }

    private mutating func scanTime(_ scanner: inout DigitScanner) -> Bool {
        guard let hour = scanner.number(2), hour < 24 else { return false }
        self.hour = hour
        precision = .hour
        guard scanner.skip(":") else { return true }
        guard let minute = scanner.number(2), minute < 60 else { return false }
        self.minute = minute
        precision = .minute
        guard scanner.skip(":") else { return true }
        guard let second = scanner.number(2), second < 60 else { return false }
        self.second = second
        precision = .second
        guard scanner.skip(".") else { return true }
        var digits = 0
        var millis = 0
        while let digit = scanner.digit() {
            if digits < 3 { millis = millis * 10 + digit }
            digits += 1
        }
        guard digits > 0 else { return false }
        for _ in digits..<3 where digits < 3 { millis *= 10 }
        millisecond = millis
        precision = .millisecond
        return true
    }

    /// The number of days in a month of a year of the Gregorian calendar.
    static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }

    /// The value as FHIR writes it, without `@`: `2012-04-15`, `2012-04-15T10:30:00.000+02:00`, `14:30:00`.
    public var text: String {
        var result = ""
        if hasDate {
            result += pad(year, 4)
            if precision >= .month { result += "-" + pad(month, 2) }
            if precision >= .day { result += "-" + pad(day, 2) }
            guard precision >= .hour else { return result }
            result += "T"
        }
        result += pad(hour, 2)
        if precision >= .minute { result += ":" + pad(minute, 2) }
        if precision >= .second { result += ":" + pad(second, 2) }
        if precision >= .millisecond { result += "." + pad(millisecond, 3) }
        if hasDate, let offset = timeZoneOffset {
            if offset == 0 {
                result += "Z"
            } else {
                result += (offset < 0 ? "-" : "+") + pad(abs(offset) / 60, 2) + ":" + pad(abs(offset) % 60, 2)
            }
        }
        return result
    }

    private func pad(_ value: Int, _ width: Int) -> String {
        let digits = String(value)
        return digits.count >= width ? digits : String(repeating: "0", count: width - digits.count) + digits
    }
}

/// Reads fixed-width digit groups from ASCII bytes.
struct DigitScanner {
    let bytes: [UInt8]
    var index = 0

    init(_ bytes: [UInt8]) { self.bytes = bytes }

    var atEnd: Bool { index >= bytes.count }
    var peek: UInt8? { index < bytes.count ? bytes[index] : nil }

    mutating func digit() -> Int? {
        guard let byte = peek, byte >= 0x30, byte <= 0x39 else { return nil }
        index += 1
        return Int(byte - 0x30)
    }

    mutating func number(_ width: Int) -> Int? {
        var value = 0
        for _ in 0..<width {
            guard let digit = digit() else { return nil }
            value = value * 10 + digit
        }
        return value
    }

    mutating func skip(_ character: Character) -> Bool {
        guard let ascii = character.asciiValue, peek == ascii else { return false }
        index += 1
        return true
    }
}
