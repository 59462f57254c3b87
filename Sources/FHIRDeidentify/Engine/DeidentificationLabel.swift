public import FHIRModel

/// The HL7 security labels (v3-ObservationValue integrity codes) the engine puts in
/// `meta.security` to say what it did to a resource.
public enum DeidentificationLabel: String, Sendable, Hashable, CaseIterable, Comparable {
    /// Elements were removed: `REDACTED`.
    case redacted = "REDACTED"
    /// Ids or references were replaced by keyed pseudonyms, or dates moved by a keyed offset,
    /// which the custodian can undo: `PSEUDED`.
    case pseudonymized = "PSEUDED"
    /// Values were made coarser — dates cut to the year, ZIP codes to three digits, ages over
    /// the limit to "90 or over", ages to bands: `AGGRED`.
    case aggregated = "AGGRED"

    /// The code system of the labels.
    public static let system = "http://terminology.hl7.org/CodeSystem/v3-ObservationValue"

    /// The code system's display: `redacted`, `pseudonymized`, `aggregated`.
    public var display: String {
        switch self {
        case .redacted: "redacted"
        case .pseudonymized: "pseudonymized"
        case .aggregated: "aggregated"
        }
    }

    /// The label as a Coding.
    public var coding: JSONValue {
        switch self {
        case .redacted: Self.codings.redacted
        case .pseudonymized: Self.codings.pseudonymized
        case .aggregated: Self.codings.aggregated
        }
    }

    /// The three Codings, made once.
    private static let codings = (redacted: makeCoding(.redacted), pseudonymized: makeCoding(.pseudonymized), aggregated: makeCoding(.aggregated))

    private static func makeCoding(_ label: DeidentificationLabel) -> JSONValue {
        ["system": .string(system), "code": .string(label.rawValue), "display": .string(label.display)]
    }

    /// In code order.
    public static func < (lhs: DeidentificationLabel, rhs: DeidentificationLabel) -> Bool {
        lhs.rawValue < rhs.rawValue
    }
}
