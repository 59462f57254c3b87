public import Foundation

/// One item of a FHIRPath collection: a System value computed by the expression, or an element
/// of the resource being evaluated.
///
/// ```swift
/// let result = try FHIRPathExpression("Patient.birthDate").evaluate(patient)
/// result[0].typeName   // "date"
/// result[0].jsonValue  // "1974-12-25"
/// ```
public enum FHIRPathValue: Sendable, Hashable {
    /// A System.Boolean.
    case boolean(Bool)
    /// A System.Integer.
    case integer(Int)
    /// A System.Decimal, kept exact.
    case decimal(Decimal)
    /// A System.String.
    case string(String)
    /// A System.Date (precision year, month or day).
    case date(FHIRPathDateTime)
    /// A System.DateTime (any precision from year to millisecond, with an optional time zone).
    case dateTime(FHIRPathDateTime)
    /// A System.Time (precision hour to millisecond).
    case time(FHIRPathDateTime)
    /// A System.Quantity: a decimal value with a UCUM unit or a calendar duration keyword.
    case quantity(FHIRPathQuantity)
    /// An element of a resource (or a resource), with its FHIR type.
    case element(FHIRPathElement)

    /// The System type name (`string`, `boolean`, `integer`, `decimal`, `date`, `dateTime`,
    /// `time`, `Quantity`) of a computed value, or the FHIR type name (`code`, `HumanName`,
    /// `Patient`) of an element.
    public var typeName: String {
        switch self {
        case .boolean: "boolean"
        case .integer: "integer"
        case .decimal: "decimal"
        case .string: "string"
        case .date: "date"
        case .dateTime: "dateTime"
        case .time: "time"
        case .quantity: "Quantity"
        case .element(let element): element.typeName
        }
    }

    /// The System value an item stands for: itself for System values, the converted primitive
    /// for a FHIR primitive element (`date` → Date, `code` → String), a Quantity for a FHIR
    /// Quantity element, and the element unchanged otherwise.
    public var systemValue: FHIRPathValue {
        guard case .element(let element) = self else { return self }
        return element.systemValue ?? self
    }
}
