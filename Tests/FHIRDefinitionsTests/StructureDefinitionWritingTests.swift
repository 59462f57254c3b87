import FHIRDefinitions
import FHIRModel
import Foundation
import KilnFixtures
import Testing

@Suite struct StructureDefinitionWritingTests {
    @Test func everyShippedR4DefinitionSurvivesWritingAndReading() throws {
        let folder = profilesDirectory.appendingPathComponent("r4/\(DefinitionsCompiler.structuresFolderName)")
        let files = try FileManager.default.contentsOfDirectory(atPath: folder.path)
            .filter { $0.hasSuffix(".json") && $0 != "index.json" }
        #expect(files.count == 655)
        try expectRoundTrips(files.map { folder.appendingPathComponent($0) })
    }

    /// The published definitions carry what the shipped ones leave out (differentials,
    /// mappings, narrative), so they are the harder round trip.
    @Test(.enabled(if: FHIRData.isSet, Comment(rawValue: FHIRData.howToRun)))
    func everyPublishedR4DefinitionSurvivesWritingAndReading() throws {
        let package = try specificationPackage()
        let files = try FileManager.default.contentsOfDirectory(atPath: package.path)
            .filter { $0.hasPrefix("StructureDefinition-") && $0.hasSuffix(".json") }
        #expect(files.count == 655)
        try expectRoundTrips(files.map { package.appendingPathComponent($0) })
    }

    @Test func publishedUSCoreDefinitionsSurviveWritingAndReading() throws {
        let files = try FileManager.default.contentsOfDirectory(atPath: publishedUSCoreDefinitions.path).filter { $0.hasSuffix(".json") }
        #expect(files.count == 23)
        try expectRoundTrips(files.map { publishedUSCoreDefinitions.appendingPathComponent($0) })
    }

    private func expectRoundTrips(_ files: [URL]) throws {
        for file in files {
            let parsed = try StructureDefinition(json: readJSON(file))
            let reread = try StructureDefinition(json: JSONParser().parse(parsed.jsonValue().jsonBytes))
            #expect(reread == parsed, "\(file.lastPathComponent) changes when written and read again")
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
