public import FHIRModel
import KilnTesting

/// The benchmark's Observations: final laboratory results of about 1.2 KB of JSON each as stored,
/// valid R4, with an accession identifier, a LOINC code, a UCUM quantity, its interpretation and
/// reference range, the performing laboratory and a note.
///
/// Observation `index` always has the same content, so Kiln and PostgreSQL store the same documents.
///
/// ```swift
/// let observation = SyntheticObservation.make(index: 7, subject: "urn:uuid:…")
/// ```
public enum SyntheticObservation {
    /// The identifier system of the laboratory's accession numbers.
    public static let accessionSystem = "http://lab.example.org/fhir/sid/accession"

    /// Observation number `index` about `subject` (a reference), without `id`: the server assigns it.
    public static func make(index: Int, subject: String) -> JSONValue {
        var random = SyntheticRandom(seed: 0x0B5E_0000_0000 &+ UInt64(index))
        let test = LabTest.catalog[Int.random(in: 0..<LabTest.catalog.count, using: &random)]
        let span = test.high - test.low
        let value = Double.random(in: max(test.low - span * 0.3, span * 0.05)...(test.high + span * 0.3), using: &random)
        let valueText = test.format(value)
        let when = SyntheticTime(index: index, random: &random)

        let base = Fixtures.observation(
            subject: subject,
            loinc: test.loinc,
            display: test.display,
            value: valueText,
            unit: test.unit,
            effective: when.effective
        )
        guard case .object(var observation) = base else { return base }
        observation.set("identifier", to: [[
            "use": "official",
            "system": .string(accessionSystem),
            "value": .string("ACC-\(String(1_000_000_000 + index))"),
        ]], at: 1)
        observation["issued"] = .string(when.issued)
        observation["performer"] = [[
            "type": "Organization",
            "display": "Example Hospital Laboratory",
        ]]
        if let quantity = observation.removeValue(forKey: "valueQuantity") {
            observation["valueQuantity"] = quantity
        }
        observation["interpretation"] = [interpretation(value: Double(valueText) ?? value, test: test)]
        observation["note"] = [[
            "text": .string("Result verified by the laboratory (run \(index % 97 + 1))."),
        ]]
        observation["referenceRange"] = [[
            "low": ["value": number(test.format(test.low)), "unit": .string(test.unit)],
            "high": ["value": number(test.format(test.high)), "unit": .string(test.unit)],
            "text": .string("\(test.format(test.low))-\(test.format(test.high)) \(test.unit)"),
        ]]
        return .object(observation)
    }

    private static func number(_ text: String) -> JSONValue {
        .number(JSONNumber(text) ?? JSONNumber(0))
    }

    private static func interpretation(value: Double, test: LabTest) -> JSONValue {
        let (code, display) = value < test.low ? ("L", "Low") : value > test.high ? ("H", "High") : ("N", "Normal")
        return [
            "coding": [[
                "system": "http://terminology.hl7.org/CodeSystem/v3-ObservationInterpretation",
                "code": .string(code),
                "display": .string(display),
            ]],
        ]
    }
}
