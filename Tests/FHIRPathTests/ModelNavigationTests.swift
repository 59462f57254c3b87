import FHIRModel
import FHIRPath
import Testing

@Suite struct ModelNavigationTests {
    static let observation: JSONValue = [
        "resourceType": "Observation",
        "status": "final",
        "valueQuantity": ["value": number("185.50"), "unit": "lbs", "system": "http://unitsofmeasure.org", "code": "[lb_av]"],
        "subject": ["reference": "Patient/p1"],
    ]

    @Test func choiceElementsResolveFromTheirTypedName() throws {
        let result = try evaluate("Observation.value", on: Self.observation)
        #expect(result.map(\.typeName) == ["Quantity"])
        #expect(try evaluate("Observation.value.ofType(Quantity).exists()", on: Self.observation).map(\.jsonValue) == [true])
    }

    @Test func theJSONChoiceNameIsNotAPath() throws {
        #expect(try evaluate("Observation.valueQuantity", on: Self.observation).isEmpty)
        #expect(throws: FHIRPathError.self) { try evaluate("Observation.valueQuantity", on: Self.observation, strict: true) }
    }

    @Test func primitiveExtensionsAreReachable() throws {
        let patient: JSONValue = [
            "resourceType": "Patient", "birthDate": "1974-12-25",
            "_birthDate": ["extension": [["url": "http://example.org/time", "valueDateTime": "1974-12-25T14:35:45-05:00"]]],
        ]
        #expect(try json("birthDate.extension('http://example.org/time').value", on: patient) == ["1974-12-25T14:35:45-05:00"])
        #expect(try evaluate("birthDate", on: patient).map(\.typeName) == ["date"])
    }

    @Test func resolveGivesAStubOfTheReferencedType() throws {
        #expect(try json("subject.where(resolve() is Patient).exists()", on: Self.observation) == [true])
    }

    @Test func memberOfWithoutATerminologyServiceIsAnError() {
        #expect(throws: FHIRPathError.self) { try evaluate("status.memberOf('http://hl7.org/fhir/ValueSet/observation-status')", on: Self.observation) }
    }

    @Test func quantitiesRenderAsValueAndUnit() throws {
        #expect(try json("Observation.value.toQuantity()", on: Self.observation) == [["value": number("185.5"), "unit": "[lb_av]"]])
        #expect(try json("Observation.value.value", on: Self.observation) == [number("185.50")])
    }
}
