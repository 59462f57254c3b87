import FHIRModel

/// Dates of the search benchmark's clinical resources: days from 2015-01-01 to 2024-12-31, so a
/// search for results since 2020 matches about half of them.
enum CohortDate {
    /// The first day results are dated on.
    static let firstDay = FHIRInstant.daysSince1970(year: 2015, month: 1, day: 1)
    /// The number of days results are spread over (2015–2024).
    static let dayCount = FHIRInstant.daysSince1970(year: 2025, month: 1, day: 1) - firstDay
    /// The day the date search starts from: 2020-01-01.
    static let searchFromDay = FHIRInstant.daysSince1970(year: 2020, month: 1, day: 1)
    /// ``searchFromDay`` as a FHIR date.
    static let searchFrom = "2020-01-01"

    /// A moment on day `day` (days since 1970), e.g. `2021-03-05T08:15:00Z`.
    static func dateTime(day: Int, hour: Int, minute: Int) -> String {
        "\(date(day: day))T\(twoDigits(hour)):\(twoDigits(minute)):00Z"
    }

    /// Day `day` (days since 1970) as `YYYY-MM-DD`.
    static func date(day: Int) -> String {
        let civil = FHIRInstant.civilDate(daysSince1970: day)
        return "\(civil.year)-\(twoDigits(civil.month))-\(twoDigits(civil.day))"
    }

    /// `value` with a leading zero below ten.
    static func twoDigits(_ value: Int) -> String {
        value < 10 ? "0\(value)" : String(value)
    }
}
