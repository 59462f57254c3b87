/// A FHIR date, dateTime or instant as text, taken apart as far as de-identification needs:
/// the calendar part (year, month and day as far as given) and the rest (time and zone).
struct DateValue: Hashable {
    /// How much of the calendar part the text gives.
    enum Precision: Hashable {
        /// `YYYY`.
        case year
        /// `YYYY-MM`.
        case month
        /// `YYYY-MM-DD`, with or without a time.
        case day
    }

    /// The year.
    var year: Int
    /// The month, 1 when not given.
    var month: Int
    /// The day, 1 when not given.
    var day: Int
    /// How much of the date the text gives.
    var precision: Precision
    /// What follows the day: `T10:00:00Z`, or empty.
    var time: Substring

    /// The parts of `text`; nil when it does not start with a FHIR date.
    init?(_ text: String) {
        let bytes = text.utf8
        func number(_ start: Int, _ count: Int) -> Int? {
            guard start + count <= bytes.count else { return nil }
            var value = 0
            for offset in start..<(start + count) {
                let byte = Self.byte(bytes, offset)
                guard byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9") else { return nil }
                value = value * 10 + Int(byte - UInt8(ascii: "0"))
            }
            return value
        }
        guard let year = number(0, 4), year >= 1 else { return nil }
        self.year = year
        month = 1
        day = 1
        precision = .year
        time = ""
        guard bytes.count > 4 else { return }
        guard Self.byte(bytes, 4) == UInt8(ascii: "-"), let month = number(5, 2), (1...12).contains(month) else { return nil }
        self.month = month
        precision = .month
        guard bytes.count > 7 else { return }
        guard Self.byte(bytes, 7) == UInt8(ascii: "-"), let day = number(8, 2), CivilDate.isValid(year: year, month: month, day: day) else { return nil }
        self.day = day
        precision = .day
        guard bytes.count > 10 else { return }
        // Only the characters of a time and zone may follow, so that no other text rides along.
        let timeStart = bytes.index(bytes.startIndex, offsetBy: 10)
        guard bytes[timeStart] == UInt8(ascii: "T"), bytes.count > 11,
              bytes[bytes.index(after: timeStart)...].allSatisfy(Self.isTimeCharacter) else { return nil }
        time = text[timeStart...]
    }

    /// The byte at `offset` of a text known to be at least that long.
    private static func byte(_ bytes: String.UTF8View, _ offset: Int) -> UInt8 {
        bytes[bytes.index(bytes.startIndex, offsetBy: offset)]
    }

    /// Whether `byte` may be part of a time and zone: `0-9 : . + - Z`.
    private static func isTimeCharacter(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: ":"), UInt8(ascii: "."), UInt8(ascii: "+"), UInt8(ascii: "-"), UInt8(ascii: "Z"): true
        default: false
        }
    }

    /// The value cut to its year: `YYYY`, or for an instant the first instant of that year.
    func yearText(isInstant: Bool) -> String {
        let year = CivilDate.pad(year, 4)
        return isInstant ? year + "-01-01T00:00:00Z" : year
    }

    /// The value moved by `days`, at the same precision, time and zone unchanged. A month or a
    /// year moves from its middle, so that a small shift leaves it unchanged whichever its sign.
    func shifted(by days: Int) -> String? {
        let anchor: CivilDate
        switch precision {
        case .year: anchor = CivilDate(year: year, month: 7, day: 2)
        case .month: anchor = CivilDate(year: year, month: month, day: 15)
        case .day: anchor = CivilDate(year: year, month: month, day: day)
        }
        let moved = anchor.adding(days: days)
        guard (1...9999).contains(moved.year) else { return nil }
        switch precision {
        case .year: return CivilDate.pad(moved.year, 4)
        case .month: return CivilDate.pad(moved.year, 4) + "-" + CivilDate.pad(moved.month, 2)
        case .day: return moved.text(suffix: time)
        }
    }
}
