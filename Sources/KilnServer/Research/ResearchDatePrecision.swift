import FHIRDeidentify

/// How finely the research view may be searched by a date: as finely as the profile keeps the
/// dates it serves.
enum ResearchDatePrecision: Sendable, Hashable {
    /// Dates are served as they are (the limited data set): any precision, and sorting.
    case full
    /// Dates are cut to the year (Safe Harbor): years only.
    case year
    /// Dates are shifted per patient (expert determination): a finer search would match the
    /// real dates, not the ones served, so years only.
    case shifted

    /// The precision a method leaves; nil for one that removes or replaces the date.
    init?(_ method: DeidentificationMethod) {
        switch method {
        case .keep: self = .full
        case .generalize(.year): self = .year
        case .dateShift: self = .shifted
        default: return nil
        }
    }

    /// The coarser of two precisions.
    func coarsened(by other: ResearchDatePrecision) -> ResearchDatePrecision {
        if self == .full { return other }
        if other == .full { return self }
        return self == .shifted || other == .shifted ? .shifted : .year
    }

    /// Why a value finer than the year is refused, under `profile` (`HIPAA Safe Harbor keeps only the year`).
    func refusal(profile: String) -> String {
        switch self {
        case .full: ""
        case .year: "\(profile) keeps only the year"
        case .shifted: "\(profile) shifts dates, so only the year may be searched"
        }
    }
}
