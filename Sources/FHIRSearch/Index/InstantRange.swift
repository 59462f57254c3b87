import Foundation
import FHIRPath

/// The half-open range of instants `[low, high)` a date, dateTime, instant or Period covers; a
/// nil bound is open.
struct InstantRange: Sendable, Hashable {
    /// The first instant covered; nil for no lower bound.
    let low: Date?
    /// The first instant after the range; nil for no upper bound.
    let high: Date?

    /// The range a partial date or date-time covers at its precision: `2020` is the whole
    /// year, `2020-03-04T10:00:00Z` one second. A time of day without a zone is taken as UTC;
    /// nil for a time without a date.
    init?(_ value: FHIRPathDateTime) {
        guard value.hasDate else { return nil }
        let day = Self.daysSinceEpoch(year: value.year, month: value.month, day: value.day)
        let offsetMinutes = value.precision >= .hour ? (value.timeZoneOffset ?? 0) : 0
        let startOfDay = Int64(day) * Self.millisecondsPerDay
        let timeOfDay = Int64(((value.hour * 60 + value.minute) * 60 + value.second) * 1000 + value.millisecond)
        let low = startOfDay + timeOfDay - Int64(offsetMinutes) * 60_000
        let high: Int64 = switch value.precision {
        case .year: Int64(Self.daysSinceEpoch(year: value.year + 1, month: 1, day: 1)) * Self.millisecondsPerDay
        case .month:
            Int64(value.month == 12
                ? Self.daysSinceEpoch(year: value.year + 1, month: 1, day: 1)
                : Self.daysSinceEpoch(year: value.year, month: value.month + 1, day: 1)) * Self.millisecondsPerDay
        case .day: low + Self.millisecondsPerDay
        case .hour: low + 3_600_000
        case .minute: low + 60_000
        case .second: low + 1000
        case .millisecond: low + 1
        }
        self.low = Self.date(milliseconds: low)
        self.high = Self.date(milliseconds: high)
    }

    /// The range from the start of `start` to the end of `end`, open where either is nil.
    init(start: FHIRPathDateTime?, end: FHIRPathDateTime?) {
        self.low = start.flatMap(InstantRange.init)?.low
        self.high = end.flatMap(InstantRange.init)?.high
    }

    private static let millisecondsPerDay: Int64 = 86_400_000

    private static func date(milliseconds: Int64) -> Date {
        Date(timeIntervalSince1970: TimeInterval(milliseconds) / 1000)
    }

    /// Days from 1970-01-01 to a day of the proleptic Gregorian calendar (negative before it).
    static func daysSinceEpoch(year: Int, month: Int, day: Int) -> Int {
        let shiftedYear = month <= 2 ? year - 1 : year
        let era = (shiftedYear >= 0 ? shiftedYear : shiftedYear - 399) / 400
        let yearOfEra = shiftedYear - era * 400
        let monthFromMarch = month > 2 ? month - 3 : month + 9
        let dayOfYear = (153 * monthFromMarch + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }
}
