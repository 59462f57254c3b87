import FHIRTerminology
import Foundation
import Testing

@Suite("Lab unit conversion")
struct LabUnitConverterTests {
    private func rounded(_ value: Decimal, _ places: Int) -> Double {
        let factor = pow(10.0, Double(places))
        return (NSDecimalNumber(decimal: value).doubleValue * factor).rounded() / factor
    }

    @Test("glucose: 100 mg/dL is 5.55 mmol/L and back")
    func glucose() throws {
        let converter = try LabUnitConverter.loadDefault()
        #expect(rounded(try converter.convert(100, from: "mg/dL", to: "mmol/L", loinc: "2345-7"), 2) == 5.55)
        #expect(rounded(try converter.convert(Decimal(string: "5.551")!, from: "mmol/L", to: "mg/dL", loinc: "2345-7"), 0) == 100)
    }

    @Test("creatinine: 1 mg/dL is 88.4 µmol/L")
    func creatinine() throws {
        let converter = try LabUnitConverter.loadDefault()
        #expect(rounded(try converter.convert(1, from: "mg/dL", to: "μmol/L", loinc: "2160-0"), 1) == 88.4)
    }

    @Test("commensurable units convert through UCUM without an analyte")
    func commensurable() throws {
        let converter = try LabUnitConverter.loadDefault()
        #expect(try converter.convert(Decimal(string: "1.5")!, from: "g/L", to: "mg/dL") == 150)
    }

    @Test("mass to substance without an analyte, or for one without a molar mass, fails")
    func failures() throws {
        let converter = try LabUnitConverter.loadDefault()
        #expect(throws: TerminologyError.self) { try converter.convert(100, from: "mg/dL", to: "mmol/L") }
        #expect(throws: TerminologyError.self) { try converter.convert(100, from: "mg/dL", to: "mmol/L", loinc: "0000-0") }
        #expect(throws: TerminologyError.self) { try converter.convert(100, from: "kg", to: "mmol/L", loinc: "2345-7") }
    }

    @Test("the molar mass follows from the conversion factor")
    func molarMass() throws {
        let glucose = try #require(try LabUnitConverter.loadDefault().analytes["2345-7"])
        let mass = try #require(glucose.molarMass)
        #expect(abs(mass - 180.15) < 0.1)
    }
}
