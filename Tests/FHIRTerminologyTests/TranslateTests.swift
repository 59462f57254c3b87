import FHIRTerminology
import Testing

@Suite("$translate")
struct TranslateTests {
    private let map = "http://hl7.org/fhir/ConceptMap/cm-administrative-gender-v2"

    @Test("a shipped ConceptMap translates administrative gender to v2 table 0001")
    func shippedMap() throws {
        let matches = try TestTerminology.shipped().translate(TranslationRequest(system: "http://hl7.org/fhir/administrative-gender", code: "male", conceptMap: map))
        #expect(matches.count == 1)
        #expect(matches.first?.concept?.code == "M")
        #expect(matches.first?.concept?.system == "http://terminology.hl7.org/CodeSystem/v2-0001")
        #expect(matches.first?.equivalence == "equal")
    }

    @Test("without a map, every map from the system is used, narrowed by target system")
    func anyMap() throws {
        let matches = try TestTerminology.shipped().translate(TranslationRequest(
            system: "http://hl7.org/fhir/administrative-gender", code: "other", targetSystem: "http://terminology.hl7.org/CodeSystem/v2-0001"
        ))
        #expect(Set(matches.compactMap(\.concept?.code)) == ["A", "O"])
        #expect(matches.allSatisfy { $0.equivalence == "wider" })
    }

    @Test("reverse translates targets back to sources")
    func reverse() throws {
        let matches = try TestTerminology.shipped().translate(TranslationRequest(system: "http://terminology.hl7.org/CodeSystem/v2-0001", code: "F", conceptMap: map, reverse: true))
        #expect(matches.first?.concept?.code == "female")
    }

    @Test("an unknown map is not found")
    func unknownMap() throws {
        #expect(throws: TerminologyError.self) {
            try TestTerminology.shipped().translate(TranslationRequest(system: "http://hl7.org/fhir/administrative-gender", code: "male", conceptMap: "http://example.org/none"))
        }
    }
}
