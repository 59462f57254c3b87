/// The R4 date, dateTime, instant and time grammars, with real calendar dates.
enum DateTimeFormat {
    /// `YYYY`, `YYYY-MM` or `YYYY-MM-DD`, a real date.
    static func isDate(_ text: String) -> Bool {
        let bytes = Array(text.utf8)
        return dateLength(bytes) == bytes.count
    }

    /// A date, or a full date with `Thh:mm:ss[.fff]` and a time zone (`Z` or `±hh:mm`).
    static func isDateTime(_ text: String) -> Bool {
        let bytes = Array(text.utf8)
        guard let length = dateLength(bytes) else { return false }
        if length == bytes.count { return true }
        guard length == 10, bytes[length] == UInt8(ascii: "T") else { return false }
        return timeWithZone(Array(bytes[(length + 1)...]), requiresZone: true)
    }

    /// A full date and time with seconds and a time zone.
    static func isInstant(_ text: String) -> Bool {
        let bytes = Array(text.utf8)
        guard dateLength(bytes) == 10, bytes.count > 11, bytes[10] == UInt8(ascii: "T") else { return false }
        return timeWithZone(Array(bytes[11...]), requiresZone: true)
    }

    /// `hh:mm:ss[.fff]` without a time zone.
    static func isTime(_ text: String) -> Bool {
        let bytes = Array(text.utf8)
        guard let length = timeLength(bytes) else { return false }
        return length == bytes.count
    }

    private static func digits(_ bytes: [UInt8], _ start: Int, _ count: Int) -> Int? {
        guard start + count <= bytes.count else { return nil }
        var value = 0
        for byte in bytes[start..<(start + count)] {
            guard byte >= 0x30 && byte <= 0x39 else { return nil }
            value = value * 10 + Int(byte - 0x30)
        }
        return value
    }

    /// The length of the date at the start of `bytes`, or nil when it is not a valid date.
    private static func dateLength(_ bytes: [UInt8]) -> Int? {
        guard let year = digits(bytes, 0, 4), year >= 1 else { return nil }
        if bytes.count == 4 { return 4 }
        guard bytes[4] == UInt8(ascii: "-") else { return 4 }
        guard let month = digits(bytes, 5, 2), (1...12).contains(month) else { return nil }
        if bytes.count == 7 { return 7 }
        guard bytes.count > 7, bytes[7] == UInt8(ascii: "-") else { return 7 }
        guard let day = digits(bytes, 8, 2), day >= 1, day <= daysIn(month: month, year: year) else { return nil }
        return 10
    }

    private static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }

    /// The length of `hh:mm:ss[.fff]` at the start of `bytes`.
    private static func timeLength(_ bytes: [UInt8]) -> Int? {
        guard let hour = digits(bytes, 0, 2), hour <= 23,
              bytes.count > 2, bytes[2] == UInt8(ascii: ":"),
              let minute = digits(bytes, 3, 2), minute <= 59,
              bytes.count > 5, bytes[5] == UInt8(ascii: ":"),
              let second = digits(bytes, 6, 2), second <= 60 else { return nil }
        var length = 8
        if bytes.count > 8, bytes[8] == UInt8(ascii: ".") {
            length = 9
            while length < bytes.count, bytes[length] >= 0x30 && bytes[length] <= 0x39 { length += 1 }
            if length == 9 { return nil }
        }
        return length
    }

    private static func timeWithZone(_ bytes: [UInt8], requiresZone: Bool) -> Bool {
        guard let length = timeLength(bytes) else { return false }
        let zone = Array(bytes[length...])
        if zone.isEmpty { return !requiresZone }
        if zone == [UInt8(ascii: "Z")] { return true }
        guard zone.count == 6, zone[0] == UInt8(ascii: "+") || zone[0] == UInt8(ascii: "-"),
              let hours = digits(zone, 1, 2), hours <= 14, zone[3] == UInt8(ascii: ":"),
              let minutes = digits(zone, 4, 2), minutes <= 59 else { return false }
        return true
    }
}
