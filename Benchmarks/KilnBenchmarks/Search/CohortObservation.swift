import FHIRModel

/// The search benchmark's Observations: `kiln bench`'s laboratory results
/// (``SyntheticObservation``), dated over 2015–2024 instead of within one year.
///
/// Observation `index` always has the same content.
enum CohortObservation {
    /// An Observation as generated, with the facts the searches are drawn from.
    struct Drawn {
        /// The Observation, without `id`.
        let resource: JSONValue
        /// Its LOINC code.
        let code: String
        /// Its value, in the test's unit.
        let value: Double
        /// The day it was taken, in days since 1970.
        let day: Int
    }

    /// Observation number `index` about `subject` (a reference).
    static func make(index: Int, subject: String) -> Drawn {
        var random = SyntheticRandom(seed: 0xDA7E_0000_0000 &+ UInt64(index))
        let day = CohortDate.firstDay + Int.random(in: 0..<CohortDate.dayCount, using: &random)
        let hour = Int.random(in: 6...19, using: &random)
        let minute = Int.random(in: 0...59, using: &random)
        let base = SyntheticObservation.make(index: index, subject: subject)
        let code = base["code"]?["coding"]?.arrayValue?.first?["code"]?.stringValue ?? ""
        let value = base["valueQuantity"]?["value"]?.numberValue?.doubleValue ?? 0
        guard case .object(var observation) = base else {
            return Drawn(resource: base, code: code, value: value, day: day)
        }
        observation["effectiveDateTime"] = .string(CohortDate.dateTime(day: day, hour: hour, minute: minute))
        observation["issued"] = .string("\(CohortDate.date(day: day))T\(CohortDate.twoDigits(hour + 2)):\(CohortDate.twoDigits(minute)):00.000Z")
        return Drawn(resource: .object(observation), code: code, value: value, day: day)
    }
}
