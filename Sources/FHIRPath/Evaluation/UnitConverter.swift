public import Foundation
import UCUM

/// Converts quantity values between units, for comparing and adding quantities.
///
/// ```swift
/// UCUMUnitConverter().convert(1, from: "kg", to: "g")  // 1000
/// ```
public protocol UnitConverter: Sendable {
    /// `value` expressed in `from` converted to `to`, or nil when the units are not comparable or unknown.
    func convert(_ value: Decimal, from: String, to: String) -> Decimal?
}

/// The converter FHIRPath uses by default: every unit UCUM defines, through the UCUM module
/// (`4.0000 'g' = 4000.0 'mg'`, `1.5 'g/L' = 150 'mg/dL'`, `37 'Cel' = 310.15 'K'`).
public struct UCUMUnitConverter: UnitConverter {
    /// A converter over the standard UCUM essence.
    public init() {}

    /// The converted value, or nil when UCUM does not know a unit or the units are not commensurable.
    public func convert(_ value: Decimal, from: String, to: String) -> Decimal? {
        if from == to { return value }
        return try? UCUMSystem.shared.convert(value, from: from, to: to)
    }
}
