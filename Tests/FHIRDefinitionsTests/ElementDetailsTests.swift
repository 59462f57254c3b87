import FHIRDefinitions
import Testing

@Suite struct ElementDetailsTests {
    @Test func codedElementsCarryTheirBinding() throws {
        let model = try catalog().typeModel
        let binding = try #require(model.element(path: "Observation.status")?.binding)
        #expect(binding.strength == .required)
        #expect(binding.valueSet == "http://hl7.org/fhir/ValueSet/observation-status|4.0.1")
        #expect(binding.valueSetURL == "http://hl7.org/fhir/ValueSet/observation-status")
        #expect(binding.valueSetVersion == "4.0.1")
        #expect(model.element(path: "Observation.code")?.binding?.strength == .example)
    }

    @Test func summaryAndModifierFlagsComeFromTheSnapshot() throws {
        let model = try catalog().typeModel
        #expect(model.element(path: "Observation.status")?.isSummary == true)
        #expect(model.element(path: "Observation.status")?.isModifier == true)
        #expect(model.element(path: "Observation.note")?.isSummary == false)
        #expect(model.element(path: "Patient.active")?.isModifier == true)
        #expect(model.element(path: "Patient.name")?.isModifier == false)
    }

    @Test func invariantsKeepKeySeverityAndExpression() throws {
        let root = try #require(try catalog().typeModel.element(path: "Observation"))
        let obs6 = try #require(root.constraints.first { $0.key == "obs-6" })
        #expect(obs6.severity == .error)
        #expect(obs6.expression == "dataAbsentReason.empty() or value.empty()")
        #expect(obs6.source == nil)
        let dom6 = try #require(root.constraints.first { $0.key == "dom-6" })
        #expect(dom6.severity == .warning)
        #expect(dom6.isBestPractice)
        #expect(dom6.source == "http://hl7.org/fhir/StructureDefinition/DomainResource")
        #expect(try catalog().typeModel.element(path: "Patient.name")?.constraints.map(\.key) == ["ele-1"])
    }

    @Test func primitiveValuesNameTheirSystemTypeAndPattern() throws {
        let model = try catalog().typeModel
        let value = try #require(model.element(path: "date.value")?.types.first)
        #expect(value.systemType == "System.Date")
        #expect(value.fhirType == "date")
        #expect(value.regex?.isEmpty == false)
        let id = try #require(model.element(path: "Element.id")?.types.first)
        #expect(id.code == "http://hl7.org/fhirpath/System.String")
        #expect(id.typeName == "string")
        #expect(model.element(path: "Extension.url")?.types.first?.typeName == "uri")
        #expect(model.element(path: "Patient.name")?.types.first?.systemType == nil)
    }

    @Test func referencesNameTheirTargets() throws {
        let subject = try #require(try catalog().typeModel.element(path: "Observation.subject")?.types.first)
        #expect(subject.code == "Reference")
        #expect(subject.targetTypeNames == ["Patient", "Group", "Device", "Location"])
    }

    @Test func choiceNamesCapitaliseTheTypeName() throws {
        let value = try #require(try catalog().typeModel.element(path: "Observation.value[x]"))
        #expect(value.types.map { $0.choiceName(for: value.name) }.contains("valueDateTime"))
        #expect(value.type(forPropertyName: "valueBoolean")?.code == "boolean")
        #expect(value.type(forPropertyName: "value") == nil)
    }
}
