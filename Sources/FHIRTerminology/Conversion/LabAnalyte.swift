import FHIRModel
import Foundation

/// A laboratory analyte with its conventional and SI units, as shipped in `lab-units.json`.
public struct LabAnalyte: Sendable, Hashable {
    /// The LOINC code.
    public var loinc: String
    /// The analyte's name.
    public var name: String
    /// The conventional (US) unit as UCUM, when it has a UCUM form.
    public var conventionalUnit: String?
    /// The SI unit as UCUM, when it has a UCUM form.
    public var siUnit: String?
    /// One conventional unit is this many SI units.
    public var factor: Double
    /// The molar mass in g/mol, when one unit is a mass and the other an amount of substance.
    public var molarMass: Double?

    /// An analyte.
    public init(loinc: String, name: String, conventionalUnit: String?, siUnit: String?, factor: Double, molarMass: Double?) {
        self.loinc = loinc
        self.name = name
        self.conventionalUnit = conventionalUnit
        self.siUnit = siUnit
        self.factor = factor
        self.molarMass = molarMass
    }

    /// Reads one analyte of `lab-units.json`.
    init?(json: JSONValue) {
        guard let loinc = json["loinc"]?.stringValue, let name = json["name"]?.stringValue,
              let factor = json["factor"]?.numberValue?.doubleValue else { return nil }
        self.init(
            loinc: loinc, name: name, conventionalUnit: json["conventionalUnit"]?.stringValue, siUnit: json["siUnit"]?.stringValue,
            factor: factor, molarMass: json["molarMass"]?.numberValue?.doubleValue
        )
    }

    /// The analyte as `lab-units.json` holds it.
    var json: JSONValue {
        var object = JSONObject()
        object["loinc"] = .string(loinc)
        object["name"] = .string(name)
        if let conventionalUnit { object["conventionalUnit"] = .string(conventionalUnit) }
        if let siUnit { object["siUnit"] = .string(siUnit) }
        object["factor"] = .number(JSONNumber(Self.format(factor)) ?? JSONNumber(0))
        if let molarMass { object["molarMass"] = .number(JSONNumber(Self.format(molarMass)) ?? JSONNumber(0)) }
        return .object(object)
    }

    private static func format(_ value: Double) -> String {
        let text = String(format: "%.6g", value)
        return text.contains("e") ? "\(value)" : text
    }
}
