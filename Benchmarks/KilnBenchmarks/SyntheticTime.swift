/// When a synthetic Observation was taken and issued: a day-time moment in 2024 and, two hours
/// later, the release of the result.
struct SyntheticTime {
    /// `effectiveDateTime`, e.g. `2024-03-05T08:15:00Z`.
    let effective: String
    /// `issued`, an instant two hours after `effective`.
    let issued: String

    /// A moment drawn from `random`; `index` spreads Observations over the year.
    init(index: Int, random: inout SyntheticRandom) {
        let month = index % 12 + 1
        let day = Int.random(in: 1...28, using: &random)
        let hour = Int.random(in: 6...19, using: &random)
        let minute = Int.random(in: 0...59, using: &random)
        let date = "2024-\(Self.twoDigits(month))-\(Self.twoDigits(day))"
        effective = "\(date)T\(Self.twoDigits(hour)):\(Self.twoDigits(minute)):00Z"
        issued = "\(date)T\(Self.twoDigits(hour + 2)):\(Self.twoDigits(minute)):00.000Z"
    }

    private static func twoDigits(_ value: Int) -> String {
        value < 10 ? "0\(value)" : String(value)
    }
}
