public import Foundation

/// What de-identifying one resource needs besides the resource and the rules: the engine reads
/// no clock and no store, so the caller gives them.
public struct DeidentificationContext: Sendable, Hashable {
    /// The date ages are measured at (normally now): a date more than
    /// ``DeidentificationRules/maximumAge`` years before it shows an age over that.
    public var referenceDate: Date
    /// The days this resource's patient's dates move under ``DeidentificationMethod/dateShift``
    /// (``KeyedPseudonymizer/dateShiftDays(patientInternalKey:maximumDays:)`` gives it).
    /// Nil when the resource has no patient, or the profile shifts no dates: shifted dates are
    /// then removed.
    public var dateShiftDays: Int?

    /// A context.
    public init(referenceDate: Date, dateShiftDays: Int? = nil) {
        self.referenceDate = referenceDate
        self.dateShiftDays = dateShiftDays
    }

    /// The year of ``referenceDate`` in UTC.
    var referenceYear: Int {
        CivilDate(daysSince1970: Int((referenceDate.timeIntervalSince1970 / 86_400).rounded(.down))).year
    }
}
