/// A laboratory test the synthetic Observations report: its LOINC code, UCUM unit and normal range.
public struct LabTest: Sendable, Hashable {
    /// The LOINC code.
    public let loinc: String
    /// The LOINC long common name.
    public let display: String
    /// The UCUM unit code.
    public let unit: String
    /// The lower limit of the normal range.
    public let low: Double
    /// The upper limit of the normal range.
    public let high: Double
    /// How many decimals values of this test are reported with.
    public let decimals: Int

    /// The tests the generator draws from: common chemistry and haematology results.
    public static let catalog: [LabTest] = [
        LabTest(loinc: "2339-0", display: "Glucose [Mass/volume] in Blood", unit: "mg/dL", low: 70, high: 99, decimals: 0),
        LabTest(loinc: "2823-3", display: "Potassium [Moles/volume] in Serum or Plasma", unit: "mmol/L", low: 3.5, high: 5.1, decimals: 1),
        LabTest(loinc: "2951-2", display: "Sodium [Moles/volume] in Serum or Plasma", unit: "mmol/L", low: 136, high: 145, decimals: 0),
        LabTest(loinc: "2160-0", display: "Creatinine [Mass/volume] in Serum or Plasma", unit: "mg/dL", low: 0.7, high: 1.3, decimals: 2),
        LabTest(loinc: "718-7", display: "Hemoglobin [Mass/volume] in Blood", unit: "g/dL", low: 13.5, high: 17.5, decimals: 1),
        LabTest(loinc: "6690-2", display: "Leukocytes [#/volume] in Blood by Automated count", unit: "10*3/uL", low: 4.5, high: 11.0, decimals: 1),
        LabTest(loinc: "777-3", display: "Platelets [#/volume] in Blood by Automated count", unit: "10*3/uL", low: 150, high: 400, decimals: 0),
        LabTest(loinc: "2093-3", display: "Cholesterol [Mass/volume] in Serum or Plasma", unit: "mg/dL", low: 125, high: 200, decimals: 0),
        LabTest(loinc: "17861-6", display: "Calcium [Mass/volume] in Serum or Plasma", unit: "mg/dL", low: 8.6, high: 10.3, decimals: 1),
        LabTest(loinc: "3094-0", display: "Urea nitrogen [Mass/volume] in Serum or Plasma", unit: "mg/dL", low: 7, high: 20, decimals: 0),
        LabTest(loinc: "1742-6", display: "Alanine aminotransferase [Enzymatic activity/volume] in Serum or Plasma", unit: "U/L", low: 7, high: 56, decimals: 0),
        LabTest(loinc: "4548-4", display: "Hemoglobin A1c/Hemoglobin.total in Blood", unit: "%", low: 4.0, high: 5.6, decimals: 1),
    ]

    /// `value` written with this test's number of decimals, as JSON number text.
    public func format(_ value: Double) -> String {
        let scale = (0..<decimals).reduce(1) { product, _ in product * 10 }
        let scaled = Int((value * Double(scale)).rounded())
        guard decimals > 0 else { return String(scaled) }
        let whole = scaled / scale
        let fraction = String(scaled % scale)
        return "\(whole).\(String(repeating: "0", count: decimals - fraction.count))\(fraction)"
    }
}
