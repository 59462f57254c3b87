import FHIRDefinitions
import Foundation
import KilnFixtures
import Testing

@Suite struct DefinitionsCompilerTests {
    @Test func compiledPackageLoadsBackWithOnlyTheTypeModelsDefinitions() throws {
        let package = try MiniaturePackage.write()
        let output = try makeTemporaryDirectory().appendingPathComponent("r4")
        let summary = try DefinitionsCompiler.compile(sourceDirectory: package, output: output)
        #expect(summary.counts["types"] == 2)
        #expect(summary.counts["searchParameters"] == 1)
        #expect(summary.fileSizes.map(\.name).contains("compartment-patient.json"))

        let catalog = try DefinitionsCatalog.load(from: output)
        #expect(catalog.manifest.package == "hl7.fhir.r4.core#4.0.1")
        #expect(catalog.typeModel.types.map(\.name) == ["Patient", "Resource"])
        #expect(catalog.typeModel.resourceTypeNames == ["Patient"])
        let name = try #require(catalog.typeModel.element(path: "Patient.name"))
        #expect(name.max == nil)
        #expect(name.constraints.map(\.key) == ["ele-1"])
        #expect(catalog.typeModel.element(path: "Patient")?.constraints.first?.expression == "name.exists()")
        #expect(catalog.typeModel.element(path: "Resource.id")?.types.first?.fhirType == "string")
        #expect(catalog.searchParameter(named: "_id", for: "Patient")?.expression == "Resource.id")
        #expect(catalog.patientCompartment.resourceTypes == ["Patient"])
        #expect(catalog.compartments.count == 1)
    }

    @Test func compilationWithoutSearchParametersNamesWhereItLooked() throws {
        let package = try MiniaturePackage.write()
        try FileManager.default.removeItem(at: package.deletingLastPathComponent().appendingPathComponent("search-parameters.json"))
        #expect {
            try DefinitionsCompiler.compile(sourceDirectory: package, output: try makeTemporaryDirectory())
        } throws: { ($0 as? DefinitionsError)?.message.contains("search-parameters.json") == true }
    }

    @Test(.enabled(if: FHIRData.isSet, Comment(rawValue: FHIRData.howToRun)))
    func committedFilesAreWhatTheCompilerWrites() throws {
        let output = try makeTemporaryDirectory()
        let summary = try DefinitionsCompiler.compile(sourceDirectory: try specificationPackage(), output: output)
        #expect(summary.totalBytes < 4_000_000)
        for file in summary.fileSizes {
            let fresh = try Data(contentsOf: output.appendingPathComponent(file.name))
            let committed = try Data(contentsOf: repositoryRoot.appendingPathComponent("fhir-profiles/r4").appendingPathComponent(file.name))
            #expect(fresh == committed, "\(file.name) differs; run `kiln definitions compile`")
        }
        #expect(summary.structures.count == 655)
        for file in summary.structures.files {
            let path = "\(DefinitionsCompiler.structuresFolderName)/\(file.name)"
            let fresh = try Data(contentsOf: output.appendingPathComponent(path))
            let committed = try Data(contentsOf: repositoryRoot.appendingPathComponent("fhir-profiles/r4").appendingPathComponent(path))
            #expect(fresh == committed, "\(path) differs; run `kiln definitions compile`")
        }
    }

    @Test(.enabled(if: FHIRData.isSet, Comment(rawValue: FHIRData.howToRun)))
    func committedUSCoreProfilesAreWhatTheCompilerWrites() throws {
        let output = try makeTemporaryDirectory()
        let summary = try StructuresCompiler.compile(packageDirectory: try usCorePackage(), output: output, selecting: StructuresCompiler.shippedUSCoreProfiles)
        #expect(summary.count == 23)
        for file in summary.files {
            let fresh = try Data(contentsOf: output.appendingPathComponent(file.name))
            let committed = try Data(contentsOf: profilesDirectory.appendingPathComponent("us-core").appendingPathComponent(file.name))
            #expect(fresh == committed, "us-core/\(file.name) differs; run `kiln definitions compile`")
        }
    }
}

/// A specification package in miniature: two types, a logical model and an extension profile
/// (both to be left out), one search parameter and two compartment definitions (one an example).
enum MiniaturePackage {
    static func write() throws -> URL {
        let root = try makeTemporaryDirectory()
        let package = root.appendingPathComponent("package")
        try FileManager.default.createDirectory(at: package, withIntermediateDirectories: true)
        let files: [String: String] = [
            "package.json": #"{"name":"hl7.fhir.r4.core","version":"4.0.1","fhirVersions":["4.0.1"]}"#,
            "StructureDefinition-Resource.json": #"""
                {"resourceType":"StructureDefinition","url":"http://hl7.org/fhir/StructureDefinition/Resource","name":"Resource",
                 "kind":"resource","abstract":true,"type":"Resource","snapshot":{"element":[
                  {"path":"Resource","short":"Base","min":0,"max":"*"},
                  {"path":"Resource.id","min":0,"max":"1","isSummary":true,"type":[{"extension":[{"url":"http://hl7.org/fhir/StructureDefinition/structuredefinition-fhir-type","valueUrl":"string"}],"code":"http://hl7.org/fhirpath/System.String"}]}]}}
                """#,
            "StructureDefinition-Patient.json": #"""
                {"resourceType":"StructureDefinition","url":"http://hl7.org/fhir/StructureDefinition/Patient","name":"Patient",
                 "kind":"resource","abstract":false,"type":"Patient","derivation":"specialization",
                 "baseDefinition":"http://hl7.org/fhir/StructureDefinition/Resource","snapshot":{"element":[
                  {"path":"Patient","min":0,"max":"*","constraint":[{"key":"pat-1","severity":"error","human":"Has a name","expression":"name.exists()"}]},
                  {"path":"Patient.id","min":0,"max":"1","type":[{"code":"http://hl7.org/fhirpath/System.String"}]},
                  {"path":"Patient.name","min":0,"max":"*","type":[{"code":"HumanName"}],"mapping":[{"identity":"v2","map":"PID-5"}],
                   "constraint":[{"key":"ele-1","severity":"error","human":"All FHIR elements must have a @value or children","expression":"hasValue() or (children().count() > id.count())","source":"http://hl7.org/fhir/StructureDefinition/Element"}]}]}}
                """#,
            "StructureDefinition-Event.json": #"""
                {"resourceType":"StructureDefinition","url":"http://hl7.org/fhir/StructureDefinition/Event","name":"Event","kind":"logical","abstract":false,"type":"Event","snapshot":{"element":[{"path":"Event","min":0,"max":"*"}]}}
                """#,
            "StructureDefinition-patient-nickname.json": #"""
                {"resourceType":"StructureDefinition","url":"http://hl7.org/fhir/StructureDefinition/patient-nickname","name":"nickname","kind":"complex-type","abstract":false,"type":"Extension","derivation":"constraint","snapshot":{"element":[{"path":"Extension","min":0,"max":"*"}]}}
                """#,
            "CompartmentDefinition-patient.json": #"""
                {"resourceType":"CompartmentDefinition","url":"http://hl7.org/fhir/CompartmentDefinition/patient","code":"Patient","search":true,
                 "resource":[{"code":"Patient","param":["_id"]},{"code":"Library"}]}
                """#,
            "CompartmentDefinition-example.json": #"""
                {"resourceType":"CompartmentDefinition","url":"http://hl7.org/fhir/CompartmentDefinition/example","code":"Device","search":true,"resource":[{"code":"Device","param":["_id"]}]}
                """#,
        ]
        for (name, text) in files {
            try Data(text.utf8).write(to: package.appendingPathComponent(name))
        }
        let bundle = #"""
            {"resourceType":"Bundle","type":"collection","entry":[{"resource":{"resourceType":"SearchParameter",
             "url":"http://hl7.org/fhir/SearchParameter/Resource-id","name":"_id","code":"_id","base":["Resource"],"type":"token",
             "description":"Logical id","expression":"Resource.id","xpathUsage":"normal"}}]}
            """#
        try Data(bundle.utf8).write(to: root.appendingPathComponent("search-parameters.json"))
        return package
    }
}
