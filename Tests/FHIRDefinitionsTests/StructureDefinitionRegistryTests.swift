import FHIRDefinitions
import FHIRModel
import Foundation
import Testing

@Suite struct StructureDefinitionRegistryTests {
    private let usCorePatient = "http://hl7.org/fhir/us/core/StructureDefinition/us-core-patient"

    private func registry() throws -> StructureDefinitionRegistry {
        try StructureDefinitionRegistry.loadDefault()
    }

    @Test func baseTypesAreFoundByName() throws {
        let patient = try #require(try registry().definition(forType: "Patient"))
        #expect(patient.url == "http://hl7.org/fhir/StructureDefinition/Patient")
        #expect(patient.derivation == .specialization)
        #expect(patient.snapshot.first?.path == "Patient")
        #expect(patient.differential.isEmpty)
        #expect(try registry().definition(forType: "NoSuchType") == nil)
    }

    @Test func usCoreProfilesAreFoundByURLAndVersion() throws {
        let registry = try registry()
        let profile = try #require(registry.definition(url: usCorePatient))
        #expect(profile.version == "6.1.0")
        #expect(profile.snapshotElement(id: "Patient.extension:race")?.types.first?.profiles == ["http://hl7.org/fhir/us/core/StructureDefinition/us-core-race"])
        #expect(registry.definition(url: "\(usCorePatient)|6.1.0") == profile)
        #expect(registry.definition(url: "\(usCorePatient)|3.1.1") == nil)
        #expect(registry.definition(url: "http://hl7.org/fhir/us/core/StructureDefinition/us-core-race") != nil)
        #expect(registry.definition(url: "http://hl7.org/fhir/StructureDefinition/vitalsigns|4.0.1") != nil)
    }

    @Test func shippedUSCoreProfilesAreListed() throws {
        let observationProfiles = Set(try registry().profiles(constraining: "Observation").map(\.name))
        for name in ["USCoreBloodPressureProfile", "USCoreLaboratoryResultObservationProfile", "USCoreBMIProfile", "LabObservation"] {
            #expect(observationProfiles.contains(name), "\(name) is not listed")
        }
    }

    @Test func kilnProfilesGetSnapshots() throws {
        let registry = try registry()
        let patient = try #require(registry.definition(url: "https://kiln.dev/fhir/StructureDefinition/research-patient"))
        #expect(patient.snapshot.count == 65)  // 45 of Patient, Identifier (8) and Address (12) unfolded
        #expect(patient.snapshotElement(id: "Patient.birthDate")?.min == 1)
        #expect(!patient.differential.isEmpty)
        #expect(registry.problems.isEmpty, "\(registry.problems)")
    }

    @Test func droppedInFilesAreRead() throws {
        let root = try makeTemporaryDirectory()
        try FileManager.default.createSymbolicLink(at: root.appendingPathComponent("r4"), withDestinationURL: profilesDirectory.appendingPathComponent("r4"))
        let folder = root.appendingPathComponent("site/profiles")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try Data(Self.heightProfile.jsonBytes).write(to: folder.appendingPathComponent("height.json"))
        try Data(#"{"resourceType":"ValueSet","url":"https://example.org/vs"}"#.utf8).write(to: folder.appendingPathComponent("vs.json"))

        let registry = StructureDefinitionRegistry(directory: root)
        let profile = try #require(registry.definition(url: "https://example.org/StructureDefinition/height"))
        #expect(profile.snapshotElement(id: "Observation.value[x]:valueQuantity.code")?.min == 1)
        #expect(registry.definition(forType: "Observation") != nil)
        #expect(registry.summaries.contains { $0.url == "https://example.org/StructureDefinition/height" })
        #expect(registry.problems.isEmpty)
    }

    @Test func scopedRegistrationsStayInTheScope() throws {
        let shared = try registry()
        let scoped = shared.makeScopedCopy()
        try scoped.register(json: Self.heightProfile)
        #expect(scoped.definition(url: "https://example.org/StructureDefinition/height")?.snapshot.isEmpty == false)
        #expect(shared.definition(url: "https://example.org/StructureDefinition/height") == nil)
        #expect(scoped.definition(forType: "Patient") == shared.definition(forType: "Patient"))
    }

    @Test func laterRegistrationsReplaceEarlierOnes() throws {
        let registry = StructureDefinitionRegistry()
        let base = try #require(try self.registry().definition(forType: "Basic"))
        try registry.register(base)
        var renamed = base
        renamed.title = "Changed"
        try registry.register(renamed)
        #expect(registry.definition(forType: "Basic")?.title == "Changed")
        #expect(registry.summaries.count == 1)
    }

    @Test func registeringWithAnUnknownBaseFails() throws {
        let registry = StructureDefinitionRegistry()
        #expect {
            try registry.register(json: Self.heightProfile)
        } throws: { ($0 as? DefinitionsError)?.kind == .notFound }
    }

    @Test func concurrentLookupsAgree() async throws {
        let registry = StructureDefinitionRegistry(directory: profilesDirectory)
        let counts = await withTaskGroup(of: Int.self) { group in
            for index in 0..<16 {
                group.addTask {
                    let url = index.isMultiple(of: 2) ? "http://hl7.org/fhir/us/core/StructureDefinition/us-core-bmi" : "https://kiln.dev/fhir/StructureDefinition/lab-observation"
                    return registry.definition(url: url)?.snapshot.count ?? 0
                }
            }
            return await group.reduce(into: Set<Int>()) { $0.insert($1) }
        }
        #expect(counts.count == 2)
        #expect(!counts.contains(0))
    }

    /// A differential-only Observation profile: a body height in centimetres.
    static let heightProfile: JSONValue = [
        "resourceType": "StructureDefinition",
        "url": "https://example.org/StructureDefinition/height",
        "name": "Height",
        "status": "draft",
        "kind": "resource",
        "abstract": false,
        "type": "Observation",
        "baseDefinition": "http://hl7.org/fhir/StructureDefinition/Observation",
        "derivation": "constraint",
        "differential": ["element": [
            ["id": "Observation", "path": "Observation"],
            ["id": "Observation.valueQuantity", "path": "Observation.valueQuantity", "min": 1],
            ["id": "Observation.valueQuantity.code", "path": "Observation.valueQuantity.code", "min": 1, "fixedCode": "cm"],
        ]],
    ]
}
