public import FHIRModel
import Foundation

/// Reading the parts of a Consent the rules and the compiler need.
enum ConsentJSON {
    /// The codings of a CodeableConcept (or of an array of them).
    static func codings(_ value: JSONValue?) -> [(system: String?, code: String)] {
        guard let value else { return [] }
        if let concepts = value.arrayValue { return concepts.flatMap { codings($0) } }
        return (value["coding"]?.arrayValue ?? []).compactMap(coding)
    }

    /// A Coding's system and code; nil without a code.
    static func coding(_ value: JSONValue) -> (system: String?, code: String)? {
        guard let code = value["code"]?.stringValue else { return nil }
        return (value["system"]?.stringValue, code)
    }

    /// Codes of `system` (or without a system) among `codings`.
    static func codes(_ codings: [(system: String?, code: String)], in system: String) -> [String] {
        codings.filter { $0.system == nil || $0.system == system }.map(\.code)
    }

    /// The actor a Reference (JSON object) names.
    static func actor(_ reference: JSONValue?) -> String? {
        guard let reference else { return nil }
        if let text = reference["reference"]?.stringValue { return ConsentActor.key(reference: text) }
        if let identifier = reference["identifier"], let system = identifier["system"]?.stringValue, let value = identifier["value"]?.stringValue {
            return ConsentActor.key(identifierSystem: system, value: value)
        }
        return nil
    }

    /// The first instant of a Period (JSON) and the first after it; `valid` false when a bound
    /// is not a date.
    static func period(_ value: JSONValue?) -> (start: Date?, end: Date?, valid: Bool) {
        guard let value else { return (nil, nil, true) }
        var valid = true
        var start: Date?, end: Date?
        if let text = value["start"]?.stringValue {
            start = FHIRInstant.parse(text)
            valid = valid && start != nil
        }
        if let text = value["end"]?.stringValue {
            end = endOfPeriod(text)
            valid = valid && end != nil
        }
        return (start, end, valid)
    }

    /// The first instant after the period a partial date or date-time names: `2024` ends at
    /// 2025-01-01, `2024-03` at 2024-04-01, `2024-03-04` at 2024-03-05, a date-time one second on.
    static func endOfPeriod(_ text: String) -> Date? {
        guard let start = FHIRInstant.parse(text) else { return nil }
        switch text.count {
        case 4:
            guard let year = Int(text) else { return nil }
            return FHIRInstant.parse(String(year + 1))
        case 7:
            guard let year = Int(text.prefix(4)), let month = Int(text.suffix(2)) else { return nil }
            return FHIRInstant.parse(month == 12 ? "\(year + 1)-01" : "\(year)-\(month < 9 ? "0" : "")\(month + 1)")
        case 10:
            return start.addingTimeInterval(86_400)
        default:
            return start.addingTimeInterval(text.contains(".") ? 0.001 : 1)
        }
    }
}
