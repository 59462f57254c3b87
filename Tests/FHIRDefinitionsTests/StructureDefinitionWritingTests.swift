import FHIRDefinitions
import FHIRModel
import Foundation
import Testing

@Suite struct StructureDefinitionWritingTests {
    @Test func everyR4DefinitionSurvivesWritingAndReading() throws {
        let files = try FileManager.default.contentsOfDirectory(atPath: specificationPackage.path)
            .filter { $0.hasPrefix("StructureDefinition-") && $0.hasSuffix(".json") }
        #expect(files.count == 655)
        for file in files {
            let parsed = try StructureDefinition(json: readJSON(specificationPackage.appendingPathComponent(file)))
            let reread = try StructureDefinition(json: JSONParser().parse(parsed.jsonValue().jsonBytes))
            #expect(reread == parsed, "\(file) changes when written and read again")
        }
    }

    @Test func theDifferentialIsLeftOutWhenAsked() throws {
        let profile = try usCoreDefinition("us-core-patient")
        #expect(!profile.differential.isEmpty)
        let trimmed = try StructureDefinition(json: profile.jsonValue(includeDifferential: false))
        #expect(trimmed.differential.isEmpty)
        #expect(trimmed.snapshot == profile.snapshot)
    }

    @Test func choiceValuesAreWrittenUnderTheirTypedName() throws {
        var element = StructureElement(id: "Observation.status", path: "Observation.status")
        element.fixed = TypedValue(typeName: "code", value: "final")
        element.pattern = TypedValue(typeName: "CodeableConcept", value: ["text": "x"])
        let json = element.jsonValue
        #expect(json["fixedCode"]?.stringValue == "final")
        #expect(json["patternCodeableConcept"]?["text"]?.stringValue == "x")
    }
}
