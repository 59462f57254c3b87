import FHIRModel
import Foundation
import KilnTesting
import Testing

/// The value of the output parameter `name` of a Parameters resource.
private func output(_ parameters: JSONValue, _ name: String) -> JSONValue? {
    guard let parameter = parameters["parameter"]?.arrayValue?.first(where: { $0["name"]?.stringValue == name }),
          let object = parameter.objectValue else { return nil }
    return object.first { $0.key.hasPrefix("value") }?.value
}

@Suite("Terminology operations over HTTP")
struct TerminologyOperationTests {
    private let gender = "http://hl7.org/fhir/administrative-gender"
    private let icd = "http://hl7.org/fhir/sid/icd-10-cm"

    @Test("CodeSystem/$lookup by GET and by POST Parameters")
    func lookup() async throws {
        try await TestServer.run { (server: TestServer) async throws in
            let get = try await server.client.get("CodeSystem/$lookup?system=\(icd)&code=E11.9")
            #expect(get.status == 200, "\(get.text)")
            #expect(output(get.resource, "display") == "Type 2 diabetes mellitus without complications")
            let parent = get.resource["parameter"]?.arrayValue?.first { parameter in
                parameter["name"] == "property" && parameter["part"]?.arrayValue?.first?["valueCode"] == "parent"
            }
            #expect(parent?["part"]?.arrayValue?.last?["valueCode"] == "E11")
            let post = try await server.client.post("CodeSystem/$lookup", json: [
                "resourceType": "Parameters",
                "parameter": [["name": "coding", "valueCoding": ["system": .string(gender), "code": "female"]]],
            ])
            #expect(post.status == 200)
            #expect(output(post.resource, "display") == "Female")
            let unknown = try await server.client.get("CodeSystem/$lookup?system=\(gender)&code=nope")
            #expect(unknown.status == 404)
            #expect(unknown.isOperationOutcome)
            let missing = try await server.client.get("CodeSystem/$lookup?code=E11.9")
            #expect(missing.status == 400)
            #expect(missing.diagnostics.contains("system"))
        }
    }

    @Test("CodeSystem/$validate-code and ValueSet/$validate-code")
    func validateCode() async throws {
        try await TestServer.run { (server: TestServer) async throws in
            let valid = try await server.client.get("CodeSystem/$validate-code?url=\(gender)&code=male")
            #expect(valid.status == 200)
            #expect(output(valid.resource, "result") == true)
            #expect(output(valid.resource, "display") == "Male")
            let invalid = try await server.client.get("ValueSet/$validate-code?url=http://hl7.org/fhir/ValueSet/administrative-gender&system=\(gender)&code=x")
            #expect(output(invalid.resource, "result") == false)
            #expect(output(invalid.resource, "message")?.stringValue?.isEmpty == false)
            let concept = try await server.client.post("ValueSet/$validate-code", json: [
                "resourceType": "Parameters",
                "parameter": [
                    ["name": "url", "valueUri": "http://hl7.org/fhir/ValueSet/administrative-gender"],
                    ["name": "codeableConcept", "valueCodeableConcept": ["coding": [
                        ["system": "http://example.org/other", "code": "m"],
                        ["system": .string(gender), "code": "female", "display": "Woman"],
                    ]]],
                ],
            ])
            #expect(output(concept.resource, "result") == true)
            #expect(output(concept.resource, "message")?.stringValue?.contains("Woman") == true)
            let snomed = try await server.client.get("CodeSystem/$validate-code?url=http://snomed.info/sct&code=44054006")
            #expect(output(snomed.resource, "result") == false)
            #expect(output(snomed.resource, "message")?.stringValue?.contains("SNOMED CT") == true)
            let bad = try await server.client.get("ValueSet/$validate-code?url=http://hl7.org/fhir/ValueSet/administrative-gender")
            #expect(bad.status == 400)
        }
    }

    @Test("ValueSet/$expand by url with filter and count, and of a stored ValueSet at instance level")
    func expand() async throws {
        try await TestServer.run { (server: TestServer) async throws in
            let shipped = try await server.client.get("ValueSet/$expand?url=http://hl7.org/fhir/ValueSet/administrative-gender&count=2")
            #expect(shipped.status == 200)
            #expect(shipped.resource["resourceType"] == "ValueSet")
            #expect(shipped.resource["expansion"]?["total"] == 4)
            #expect(shipped.resource["expansion"]?["contains"]?.arrayValue?.count == 2)
            let id = try await create([
                "resourceType": "ValueSet", "url": "http://example.org/ValueSet/diabetes", "status": "active",
                "compose": ["include": [["system": .string(icd), "filter": [["property": "concept", "op": "is-a", "value": "E11"]]]]],
            ], on: server)
            let instance = try await server.client.get("ValueSet/\(id)/$expand?filter=hyperglycemia")
            #expect(instance.status == 200, "\(instance.text)")
            #expect(instance.resource["id"]?.stringValue == id)
            let codes = instance.resource["expansion"]?["contains"]?.arrayValue?.compactMap { $0["code"]?.stringValue } ?? []
            #expect(codes == ["E11.65"])
            let stored = try await server.client.get("ValueSet/\(id)/$validate-code?system=\(icd)&code=E11.9")
            #expect(output(stored.resource, "result") == true)
            let whole = try await server.client.post("ValueSet/$expand", json: [
                "resourceType": "Parameters",
                "parameter": [["name": "valueSet", "resource": [
                    "resourceType": "ValueSet", "status": "active", "compose": ["include": [["system": .string(icd)]]],
                ]]],
            ])
            #expect(whole.status == 422)
            #expect(whole.diagnostics.contains("10000"))
            let unknown = try await server.client.get("ValueSet/$expand?url=http://example.org/none")
            #expect(unknown.status == 404)
        }
    }

    @Test("CodeSystem/$subsumes and ConceptMap/$translate")
    func subsumesAndTranslate() async throws {
        try await TestServer.run { (server: TestServer) async throws in
            let subsumes = try await server.client.get("CodeSystem/$subsumes?system=\(icd)&codeA=E11&codeB=E11.9")
            #expect(output(subsumes.resource, "outcome") == "subsumes")
            let coding = try await server.client.post("CodeSystem/$subsumes", json: [
                "resourceType": "Parameters",
                "parameter": [
                    ["name": "codingA", "valueCoding": ["system": .string(icd), "code": "E11.9"]],
                    ["name": "codingB", "valueCoding": ["system": .string(icd), "code": "E11"]],
                ],
            ])
            #expect(output(coding.resource, "outcome") == "subsumed-by")
            let translate = try await server.client.get("ConceptMap/$translate?url=http://hl7.org/fhir/ConceptMap/cm-administrative-gender-v2&system=\(gender)&code=male")
            #expect(translate.status == 200)
            #expect(output(translate.resource, "result") == true)
            let match = translate.resource["parameter"]?.arrayValue?.first { $0["name"] == "match" }
            let concept = match?["part"]?.arrayValue?.first { $0["name"] == "concept" }
            #expect(concept?["valueCoding"]?["code"] == "M")
            let none = try await server.client.get("ConceptMap/$translate?system=\(gender)&code=nope")
            #expect(output(none.resource, "result") == false)
            let wrongType = try await server.client.get("Patient/$translate?system=\(gender)&code=male")
            #expect(wrongType.status == 400)
        }
    }
}

@Suite("Terminology operations in the CapabilityStatement")
struct TerminologyCapabilityTests {
    @Test("the CapabilityStatement lists $lookup, $validate-code, $expand, $subsumes and $translate")
    func listed() async throws {
        try await TestServer.run { (server: TestServer) async throws in
            let statement = try await server.client.get("metadata").resource
            let names = statement["rest"]?.arrayValue?.first?["operation"]?.arrayValue?.compactMap { $0["name"]?.stringValue } ?? []
            #expect(Set(["lookup", "validate-code", "expand", "subsumes", "translate"]).isSubset(of: Set(names)))
        }
    }
}
