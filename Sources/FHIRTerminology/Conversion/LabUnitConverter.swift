public import Foundation
import FHIRModel
import UCUM

/// Converts laboratory values between units: through UCUM when the units are commensurable, and
/// through the analyte's molar mass between mass and amount of substance (glucose 100 mg/dL is
/// 5.55 mmol/L).
///
/// ```swift
/// let converter = try LabUnitConverter.loadDefault()
/// try converter.convert(100, from: "mg/dL", to: "mmol/L", loinc: "2345-7")   // 5.55…
/// ```
public struct LabUnitConverter: Sendable {
    /// The file name in the shipped folder.
    public static let fileName = "lab-units.json"

    /// The analytes by LOINC code.
    public let analytes: [String: LabAnalyte]

    /// A converter over `analytes`.
    public init(analytes: [LabAnalyte]) {
        var byCode: [String: LabAnalyte] = [:]
        for analyte in analytes { byCode[analyte.loinc] = analyte }
        self.analytes = byCode
    }

    /// The converter over the shipped `lab-units.json`.
    public static func loadDefault(explicitDirectory: String? = nil) throws(TerminologyError) -> LabUnitConverter {
        let directory = try TerminologyLocator(explicitDirectory: explicitDirectory).locate()
        let json = try ShippedFiles.readJSON(directory.appendingPathComponent(fileName))
        return LabUnitConverter(analytes: (json["analytes"]?.arrayValue ?? []).compactMap(LabAnalyte.init(json:)))
    }

    /// `value` in `from` expressed in `to`. Units may be UCUM or common lab spellings (`μmol/L`,
    /// `mEq/L`, `IU/L`). Without `loinc`, only commensurable units convert.
    public func convert(_ value: Decimal, from: String, to: String, loinc: String? = nil) throws(TerminologyError) -> Decimal {
        let ucum = UCUMSystem.shared
        let source = Self.ucumForm(from)
        let target = Self.ucumForm(to)
        for unit in [source, target] where !ucum.isValid(unit) {
            throw TerminologyError(.invalid, "'\(unit)' is not a UCUM unit")
        }
        do {
            if ucum.isComparable(source, target) {
                return try ucum.convert(value, from: source, to: target)
            }
            guard let loinc else {
                throw TerminologyError(.invalid, "\(from) and \(to) measure different things; give the analyte's LOINC code to convert between mass and amount of substance")
            }
            guard let analyte = analytes[loinc] else {
                throw TerminologyError(.notFound, "Kiln has no lab unit data for LOINC \(loinc), so \(from) cannot be converted to \(to)")
            }
            guard let molarMass = analyte.molarMass else {
                throw TerminologyError(.notSupported, "Kiln has no molar mass for \(analyte.name) (LOINC \(loinc)), so \(from) cannot be converted to \(to)")
            }
            let mass = Decimal(molarMass)
            let targetAsMass = "(\(target)).g/mol"
            if ucum.isComparable(source, targetAsMass) {
                return try ucum.convert(value, from: source, to: targetAsMass) / mass
            }
            let sourceAsMass = "(\(source)).g/mol"
            if ucum.isComparable(sourceAsMass, target) {
                return try ucum.convert(value * mass, from: sourceAsMass, to: target)
            }
            throw TerminologyError(.invalid, "\(from) and \(to) cannot be converted into each other, even through the molar mass of \(analyte.name)")
        } catch let error as TerminologyError {
            throw error
        } catch {
            throw TerminologyError(.invalid, "\(error)")
        }
    }

    /// The UCUM form of a lab unit as commonly written: `μ` → `u`, `mEq` → `meq`, `IU` → `[IU]`,
    /// `24 h` → `d`, `Fraction of 1.0` → `1`; UCUM units are returned unchanged.
    public static func ucumForm(_ unit: String) -> String {
        if UCUMSystem.shared.isValid(unit) { return unit }
        var text = unit.trimmingCharacters(in: .whitespaces)
        let replacements: [(String, String)] = [
            ("μ", "u"), ("µ", "u"), ("mEq", "meq"), ("mOsm", "mosm"), ("Kat", "kat"), ("kIU", "k[IU]"), ("mIU", "m[IU]"),
            ("24 h", "d"), ("/day", "/d"), (" H2O", ""), ("Fraction of 1.0", "1"),
        ]
        for (from, to) in replacements { text = text.replacingOccurrences(of: from, with: to) }
        if text.hasPrefix("IU") || text.contains("/IU") { text = text.replacingOccurrences(of: "IU", with: "[IU]") }
        if text.hasPrefix("mU/") { text = "m[IU]/" + text.dropFirst(3) }
        return UCUMSystem.shared.isValid(text) ? text : unit
    }

    /// The molar mass (g/mol) implied by "one `conventional` is `factor` `si`", when one unit is a
    /// mass and the other an amount of substance.
    public static func molarMass(conventional: String, si: String, factor: Double) -> Double? {
        let ucum = UCUMSystem.shared
        guard factor > 0, ucum.isValid(conventional), ucum.isValid(si), !ucum.isComparable(conventional, si) else { return nil }
        let siAsMass = "(\(si)).g/mol"
        if ucum.isComparable(conventional, siAsMass), let grams = try? ucum.convert(1, from: conventional, to: siAsMass) {
            return NSDecimalNumber(decimal: grams).doubleValue / factor
        }
        let conventionalAsMass = "(\(conventional)).g/mol"
        if ucum.isComparable(conventionalAsMass, si), let grams = try? ucum.convert(Decimal(factor), from: si, to: conventionalAsMass) {
            return NSDecimalNumber(decimal: grams).doubleValue
        }
        return nil
    }
}
