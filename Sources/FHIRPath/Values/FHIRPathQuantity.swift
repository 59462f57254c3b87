public import Foundation

/// A System.Quantity: an exact decimal value and a unit.
///
/// The unit is a UCUM code (`mg`, `cm`, `'1'`) or one of the calendar duration keywords
/// (`year`, `month`, `week`, `day`, `hour`, `minute`, `second`, `millisecond`), always singular.
public struct FHIRPathQuantity: Sendable, Hashable {
    /// The numeric value.
    public var value: Decimal
    /// The UCUM code or calendar keyword.
    public var unit: String

    /// A quantity with the given value and unit; plural calendar keywords become singular.
    public init(value: Decimal, unit: String) {
        self.value = value
        self.unit = CalendarUnit.singular(unit) ?? unit
    }

    /// Whether the unit is a calendar duration keyword rather than a UCUM code.
    public var isCalendarDuration: Bool { CalendarUnit(rawValue: unit) != nil }
}

/// The calendar duration keywords FHIRPath allows after a number.
enum CalendarUnit: String, Sendable, CaseIterable {
    case year, month, week, day, hour, minute, second, millisecond

    /// The singular keyword for a singular or plural keyword, or nil.
    static func singular(_ text: String) -> String? {
        if CalendarUnit(rawValue: text) != nil { return text }
        if text.hasSuffix("s"), CalendarUnit(rawValue: String(text.dropLast())) != nil { return String(text.dropLast()) }
        return nil
    }

    /// The UCUM code of the same duration (`year` → `a`).
    var ucumCode: String {
        switch self {
        case .year: "a"
        case .month: "mo"
        case .week: "wk"
        case .day: "d"
        case .hour: "h"
        case .minute: "min"
        case .second: "s"
        case .millisecond: "ms"
        }
    }

    /// The calendar unit a UCUM time code stands for, when it has a definite length usable in date arithmetic.
    static func definite(ucum code: String) -> CalendarUnit? {
        switch code {
        case "wk": .week
        case "d": .day
        case "h": .hour
        case "min": .minute
        case "s": .second
        case "ms": .millisecond
        default: nil
        }
    }
}
