import FHIRDefinitions
import FHIRModel
import FHIRSearch
import Testing

/// `code` elements take the system of their required binding's one code system.
@Suite struct BoundCodeSystemTests {
    @Test("Status and gender codes of the five resource types are indexed with their code systems", arguments: [
        (#"{"resourceType": "Patient", "id": "p", "gender": "male"}"#, "gender", "http://hl7.org/fhir/administrative-gender", "male"),
        (#"{"resourceType": "Observation", "id": "o", "status": "final", "code": {"text": "x"}}"#, "status", "http://hl7.org/fhir/observation-status", "final"),
        (#"{"resourceType": "DiagnosticReport", "id": "d", "status": "final", "code": {"text": "x"}}"#, "status", "http://hl7.org/fhir/diagnostic-report-status", "final"),
        (#"{"resourceType": "Consent", "id": "c", "status": "active", "scope": {"text": "x"}, "category": [{"text": "x"}]}"#, "status", "http://hl7.org/fhir/consent-state-codes", "active"),
    ])
    func boundSystems(_ json: String, parameter: String, system: String, code: String) throws {
        let entries = try IndexerFixture.index(json)
        #expect(entries.tokenRows(parameter) == [TokenIndexRow(parameter: parameter, system: system, code: code)])
    }

    @Test("Codings keep their own systems; booleans and strings get none")
    func otherTokens() throws {
        let entries = try IndexerFixture.index("""
            {"resourceType": "Observation", "id": "o", "status": "final",
             "category": [{"coding": [{"system": "http://terminology.hl7.org/CodeSystem/observation-category", "code": "laboratory"}]}],
             "code": {"coding": [{"code": "2339-0"}]}, "valueBoolean": true}
            """)
        #expect(entries.tokenRows("category").map(\.system) == ["http://terminology.hl7.org/CodeSystem/observation-category"])
        #expect(entries.tokenRows("code").map(\.system) == [""], "a Coding without a system stays without one")
        let patient = try IndexerFixture.index(#"{"resourceType": "Patient", "id": "p", "active": true}"#)
        #expect(patient.tokenRows("active") == [TokenIndexRow(parameter: "active", system: "", code: "true")])
    }

    @Test("Without a terminology service, codes are indexed without a system")
    func withoutTerminology() throws {
        let indexer = SearchIndexer(registry: SearchRegistry(catalog: try DefinitionsCatalog.loadDefault()), baseURL: nil, terminology: nil)
        let entries = indexer.entries(for: try JSONParser().parse(#"{"resourceType": "Patient", "id": "p", "gender": "male"}"#))
        #expect(entries.tokenRows("gender") == [TokenIndexRow(parameter: "gender", system: "", code: "male")])
    }
}
