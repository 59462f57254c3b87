import FHIRModel
import FHIRTerminology
import Testing

@Suite("$lookup")
struct LookupTests {
    @Test("an R4 code system concept has its display")
    func r4Lookup() throws {
        let concept = try #require(try TestTerminology.shipped().lookup(system: "http://hl7.org/fhir/administrative-gender", code: "male"))
        #expect(concept.display == "Male")
        #expect(concept.system == "http://hl7.org/fhir/administrative-gender")
        #expect(concept.version == "4.0.1")
    }

    @Test("an unknown code or system is nil")
    func unknown() throws {
        let service = try TestTerminology.shipped()
        #expect(service.lookup(system: "http://hl7.org/fhir/administrative-gender", code: "martian") == nil)
        #expect(service.lookup(system: "http://example.org/nothing", code: "x") == nil)
        #expect(service.lookup(system: "http://snomed.info/sct", code: "44054006") == nil)
    }

    @Test("ICD-10-CM E11.9 sits under E11, which sits under the E08-E13 block")
    func icdHierarchy() throws {
        let service = try TestTerminology.shipped()
        let code = try #require(service.lookup(system: "http://hl7.org/fhir/sid/icd-10-cm", code: "E11.9"))
        #expect(code.display == "Type 2 diabetes mellitus without complications")
        #expect(code.parents == ["E11"])
        #expect(code.properties.first { $0.code == "billable" }?.value == .bool(true))
        let category = try #require(service.lookup(system: "http://hl7.org/fhir/sid/icd-10-cm", code: "E11"))
        #expect(category.children.contains("E11.9"))
        #expect(category.parents == ["E08-E13"])
    }

    @Test("ICD-10-CM codes match case-insensitively")
    func icdCase() throws {
        #expect(try TestTerminology.shipped().lookup(system: "http://hl7.org/fhir/sid/icd-10-cm", code: "e11.9")?.code == "E11.9")
    }

    @Test("a UCUM expression is a code whose display is its UCUM name")
    func ucumLookup() throws {
        let service = try TestTerminology.shipped()
        let unit = try #require(service.lookup(system: "http://unitsofmeasure.org", code: "mg/dL"))
        #expect(unit.display?.isEmpty == false)
        #expect(service.lookup(system: "http://unitsofmeasure.org", code: "not a unit") == nil)
    }

    @Test("a LOINC code of the shipped subset has its display and units")
    func loincLookup() throws {
        let glucose = try #require(try TestTerminology.shipped().lookup(system: "http://loinc.org", code: "2345-7"))
        #expect(glucose.display?.lowercased().contains("glucose") == true)
        #expect(glucose.properties.contains { $0.code == "EXAMPLE_UCUM_UNITS" })
    }

    @Test("a registered code system's hierarchy comes from nested concepts and the parent property")
    func registeredHierarchy() throws {
        let service = try TestTerminology.fresh()
        try service.register(TestTerminology.json(TestTerminology.animals))
        let dog = try #require(service.lookup(system: "http://example.org/animals", code: "dog"))
        #expect(dog.parents == ["mammal"])
        #expect(dog.designations.first?.value == "Hund")
        let fish = try #require(service.lookup(system: "http://example.org/animals|1", code: "fish"))
        #expect(fish.parents == ["animal"])
        #expect(service.lookup(system: "http://example.org/animals", code: "animal")?.children.sorted() == ["bird", "fish", "mammal"])
    }
}
