import FHIRModel
import FHIRPath

/// The instant ranges of one value of a date parameter.
enum DateValues {
    /// The range of `value`: a date, dateTime or instant (element or System value), or a Period
    /// with at least one readable bound; nil for other types (Timing, …) and unreadable text.
    static func range(of value: FHIRPathValue) -> InstantRange? {
        switch value {
        case .date(let moment), .dateTime(let moment):
            return InstantRange(moment)
        case .element(let element) where element.typeName == "Period":
            return period(element.json)
        case .element(let element) where ["date", "dateTime", "instant"].contains(element.typeName):
            return element.systemValue.flatMap(range)
        default:
            return nil
        }
    }

    /// The range of a Period; nil when a bound is present but unreadable, or both are absent.
    static func period(_ json: JSONValue) -> InstantRange? {
        let startText = json["start"]?.stringValue
        let endText = json["end"]?.stringValue
        guard startText != nil || endText != nil else { return nil }
        let start = startText.flatMap { FHIRPathDateTime(parsing: $0) }
        let end = endText.flatMap { FHIRPathDateTime(parsing: $0) }
        guard (startText == nil) == (start == nil), (endText == nil) == (end == nil) else { return nil }
        return InstantRange(start: start, end: end)
    }
}
