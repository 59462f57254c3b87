import FHIRModel
import KilnTesting
import Testing

/// Stored CodeSystems and ValueSets take part in validation and in the terminology operations
/// as soon as they are written.
@Suite("Stored terminology")
struct StoredTerminologyTests {
    static let valueSetURL = "http://example.org/fhir/ValueSet/women-only"
    static let valueSet: JSONValue = [
        "resourceType": "ValueSet", "url": .string(valueSetURL), "status": "active",
        "compose": ["include": [["system": "http://hl7.org/fhir/administrative-gender", "concept": [["code": "female"]]]]],
    ]
    static let profileURL = "http://example.org/fhir/StructureDefinition/women-only-patient"
    static let profile: JSONValue = [
        "resourceType": "StructureDefinition", "url": .string(profileURL), "name": "WomenOnlyPatient", "status": "active",
        "kind": "resource", "abstract": false, "type": "Patient", "derivation": "constraint",
        "baseDefinition": "http://hl7.org/fhir/StructureDefinition/Patient",
        "differential": ["element": [[
            "id": "Patient.gender", "path": "Patient.gender", "min": 1,
            "binding": ["strength": "required", "valueSet": .string(valueSetURL)],
        ]]],
    ]

    static func patient(gender: String) -> JSONValue {
        [
            "resourceType": "Patient", "meta": ["profile": [.string(profileURL)]], "gender": .string(gender),
            "text": ["status": "generated", "div": "<div xmlns=\"http://www.w3.org/1999/xhtml\">A patient</div>"],
        ]
    }

    @Test func aStoredValueSetBindsAPostedProfile() async throws {
        try await TestServer.run { (server: TestServer) async throws in
            #expect(try await server.client.post("ValueSet", json: Self.valueSet).status == 201)
            #expect(try await server.client.post("StructureDefinition", json: Self.profile).status == 201)
            let refused = try await server.client.post("Patient", json: Self.patient(gender: "male"))
            #expect(refused.status == 422)
            #expect(refused.text.contains("Patient.gender"))
            #expect(try await server.client.post("Patient", json: Self.patient(gender: "female")).status == 201)
        }
    }

    @Test func aStoredValueSetAnswersTheTerminologyOperations() async throws {
        try await TestServer.run { (server: TestServer) async throws in
            #expect(try await server.client.post("ValueSet", json: Self.valueSet).status == 201)
            let expanded = try await server.client.get("ValueSet/$expand?url=\(Self.valueSetURL)")
            #expect(expanded.status == 200)
            #expect(expanded.text.contains("\"female\""))
            let check = try await server.client.get("ValueSet/$validate-code?url=\(Self.valueSetURL)&system=http://hl7.org/fhir/administrative-gender&code=male")
            #expect(check.status == 200)
            #expect(check.text.contains("\"valueBoolean\":false"))
        }
    }
}
