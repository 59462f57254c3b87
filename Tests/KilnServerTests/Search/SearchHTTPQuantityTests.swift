import FHIRModel
import KilnTesting
import Testing

@Suite("SearchHTTP: quantities and composites")
struct SearchHTTPQuantityTests {
    @Test("Quantity: prefixes, UCUM conversion, non-UCUM units matched exactly; code-value-quantity and component-code-value-quantity")
    func quantities() async throws {
        try await TestServer.run { (server: TestServer) async throws in
            try await server.put(json: #"{"resourceType": "Patient", "id": "pt", "name": [{"family": "Quantity"}]}"#)
            func observation(_ id: String, code: String, value: String) -> String {
                """
                {"resourceType": "Observation", "id": "\(id)", "status": "final",
                 "code": {"coding": [{"system": "\(code.hasPrefix("http") ? code.split(separator: "|")[0] : "http://loinc.org")", "code": "\(code.split(separator: "|").last!)"}]},
                 "subject": {"reference": "Patient/pt"}, "valueQuantity": \(value)}
                """
            }
            try await server.put(json:
                observation("q1", code: "2339-0", value: #"{"value": 5.4, "unit": "mg/dL", "system": "http://unitsofmeasure.org", "code": "mg/dL"}"#),
                observation("q2", code: "2339-0", value: #"{"value": 1.5, "unit": "g/L", "system": "http://unitsofmeasure.org", "code": "g/L"}"#),
                observation("q3", code: "http://example.org/codes|pill-count", value: #"{"value": 3, "unit": "tablets", "system": "http://example.org/units", "code": "tabs"}"#),
                observation("q4", code: "2339-0", value: #"{"value": 120, "unit": "mg/dL", "system": "http://unitsofmeasure.org", "code": "mg/dL"}"#))
            func bloodPressure(_ id: String, systolic: Int, diastolic: Int) -> String {
                """
                {"resourceType": "Observation", "id": "\(id)", "status": "final",
                 "category": [{"coding": [{"system": "http://terminology.hl7.org/CodeSystem/observation-category", "code": "vital-signs"}]}],
                 "code": {"coding": [{"system": "http://loinc.org", "code": "85354-9", "display": "Blood pressure panel with all children optional"}]},
                 "subject": {"reference": "Patient/pt"}, "effectiveDateTime": "2024-05-01T08:30:00Z",
                 "component": [
                   {"code": {"coding": [{"system": "http://loinc.org", "code": "8480-6", "display": "Systolic blood pressure"}]},
                    "valueQuantity": {"value": \(systolic), "unit": "mmHg", "system": "http://unitsofmeasure.org", "code": "mm[Hg]"}},
                   {"code": {"coding": [{"system": "http://loinc.org", "code": "8462-4", "display": "Diastolic blood pressure"}]},
                    "valueQuantity": {"value": \(diastolic), "unit": "mmHg", "system": "http://unitsofmeasure.org", "code": "mm[Hg]"}}
                 ]}
                """
            }
            try await server.put(json: bloodPressure("bp1", systolic: 140, diastolic: 90), bloodPressure("bp2", systolic: 118, diastolic: 76))
            let ucum = "http://unitsofmeasure.org"

            // A number alone compares the value whatever the unit.
            #expect(try await server.matches("Observation?value-quantity=gt5.4") == ["Observation/q4"])
            #expect(try await server.matches("Observation?value-quantity=ge5.4") == ["Observation/q1", "Observation/q4"])
            #expect(try await server.matches("Observation?value-quantity=5.4") == ["Observation/q1"])
            #expect(try await server.matches("Observation?value-quantity=lt5") == ["Observation/q2", "Observation/q3"])
            #expect(try await server.matches("Observation?value-quantity=3") == ["Observation/q3"])

            // UCUM: compared in canonical units, so 1.5 g/L is 150 mg/dL.
            #expect(try await server.matches("Observation?value-quantity=5.4|\(ucum)|mg/dL") == ["Observation/q1"])
            #expect(try await server.matches("Observation?value-quantity=ge150|\(ucum)|mg/dL") == ["Observation/q2"])
            #expect(try await server.matches("Observation?value-quantity=150|\(ucum)|mg/dL") == ["Observation/q2"])
            #expect(try await server.matches("Observation?value-quantity=gt100|\(ucum)|mg/dL") == ["Observation/q2", "Observation/q4"])
            #expect(try await server.matches("Observation?value-quantity=lt10|\(ucum)|mg/dL") == ["Observation/q1"])
            #expect(try await server.matches("Observation?value-quantity=1.2|\(ucum)|g/L") == ["Observation/q4"])
            #expect(try await server.matches("Observation?value-quantity=lt1|\(ucum)|g/L") == ["Observation/q1"])

            // Not UCUM: the number, system and code as written.
            #expect(try await server.matches("Observation?value-quantity=3|http://example.org/units|tabs") == ["Observation/q3"])
            #expect(try await server.matches("Observation?value-quantity=3||tabs") == ["Observation/q3"])
            #expect(try await server.matches("Observation?value-quantity=3|http://example.org/units|caps") == [])
            #expect(try await server.matches("Observation?value-quantity=3|http://example.org/other|tabs") == [])
            #expect(try await server.matches("Observation?value-quantity=4|http://example.org/units|tabs") == [])
            #expect(try await server.matches("Observation?value-quantity=gt2|http://example.org/units|tabs") == ["Observation/q3"])

            // Composites: both parts on the same element.
            #expect(try await server.matches("Observation?code-value-quantity=http://loinc.org|2339-0$gt100") == ["Observation/q4"])
            #expect(try await server.matches("Observation?code-value-quantity=http://loinc.org|2339-0$gt100|\(ucum)|mg/dL") == ["Observation/q2", "Observation/q4"])
            #expect(try await server.matches("Observation?code-value-quantity=http://loinc.org|2339-0$5.4") == ["Observation/q1"])
            #expect(try await server.matches("Observation?code-value-quantity=http://loinc.org|8867-4$gt100") == [])
            #expect(try await server.matches("Observation?code-value-quantity=http://example.org/codes|pill-count$3||tabs") == ["Observation/q3"])
            #expect(try await server.matches("Observation?component-code-value-quantity=http://loinc.org|8480-6$gt130") == ["Observation/bp1"])
            #expect(try await server.matches("Observation?component-code-value-quantity=http://loinc.org|8480-6$gt100") == ["Observation/bp1", "Observation/bp2"])
            #expect(try await server.matches("Observation?component-code-value-quantity=http://loinc.org|8462-4$gt80") == ["Observation/bp1"])
            #expect(try await server.matches("Observation?component-code-value-quantity=http://loinc.org|8462-4$gt130") == [])
            // bp2's diastolic is below 100, but its systolic is not: the parts must come from one component.
            #expect(try await server.matches("Observation?component-code-value-quantity=http://loinc.org|8480-6$lt100") == [])
            #expect(try await server.matches("Observation?component-code-value-quantity=http://loinc.org|8480-6$lt120|\(ucum)|mm[Hg]") == ["Observation/bp2"])
            #expect(try await server.matches("Observation?component-code-value-quantity=http://loinc.org|8480-6$gt130&component-code-value-quantity=http://loinc.org|8462-4$lt80") == [])
        }
    }
}
