import FHIRModel
import FHIRTerminology
import Testing

@Suite("$expand")
struct ExpandTests {
    @Test("a shipped value set expands to its codes with displays")
    func shipped() throws {
        let expansion = try TestTerminology.shipped().expand(valueSetURL: "http://hl7.org/fhir/ValueSet/administrative-gender", options: ExpansionOptions())
        #expect(expansion.total == 4)
        #expect(expansion.contains.map(\.code) == ["male", "female", "other", "unknown"])
        #expect(expansion.contains.first?.display == "Male")
    }

    @Test("filter keeps codes that start with it or whose display holds every word, case-insensitively")
    func filter() throws {
        let expansion = try TestTerminology.shipped().expand(valueSetURL: "http://hl7.org/fhir/ValueSet/administrative-gender", options: ExpansionOptions(filter: "FEM"))
        #expect(expansion.contains.map(\.code) == ["female"])
    }

    @Test("count and offset page the expansion; total counts every code")
    func paging() throws {
        let service = try TestTerminology.shipped()
        let url = "http://hl7.org/fhir/ValueSet/administrative-gender"
        let page = try service.expand(valueSetURL: url, options: ExpansionOptions(count: 2, offset: 1))
        #expect(page.total == 4)
        #expect(page.offset == 1)
        #expect(page.contains.map(\.code) == ["female", "other"])
        let past = try service.expand(valueSetURL: url, options: ExpansionOptions(count: 2, offset: 10))
        #expect(past.contains.isEmpty)
    }

    @Test("a value set over all of ICD-10-CM is too costly whole, and works with filter and count")
    func icd() throws {
        let service = try TestTerminology.fresh()
        let valueSet = try TestTerminology.json("""
            {"resourceType":"ValueSet","url":"http://example.org/ValueSet/all-icd","status":"active","compose":{"include":[{"system":"http://hl7.org/fhir/sid/icd-10-cm"}]}}
            """)
        #expect(throws: TerminologyError.self) { try service.expand(valueSet: valueSet, options: ExpansionOptions()) }
        do {
            _ = try service.expand(valueSet: valueSet, options: ExpansionOptions())
        } catch {
            #expect(error.kind == .tooCostly)
        }
        let page = try service.expand(valueSet: valueSet, options: ExpansionOptions(filter: "type 2 diabetes", count: 5))
        #expect(page.contains.count == 5)
        #expect(page.total > 5)
        #expect(page.contains.allSatisfy { code in
            ["type", "2", "diabetes"].allSatisfy { code.display?.lowercased().contains($0) == true }
        })
    }

    @Test("is-a over ICD-10-CM lists the category and its descendants in order")
    func icdIsA() throws {
        let valueSet = try TestTerminology.json("""
            {"resourceType":"ValueSet","status":"active","compose":{"include":[{"system":"http://hl7.org/fhir/sid/icd-10-cm","filter":[{"property":"concept","op":"is-a","value":"E11.6"}]}]}}
            """)
        let expansion = try TestTerminology.shipped().expand(valueSet: valueSet, options: ExpansionOptions())
        #expect(expansion.contains.first?.code == "E11.6")
        #expect(expansion.contains.contains { $0.code == "E11.65" })
        #expect(expansion.contains.allSatisfy { $0.code.hasPrefix("E11.6") })
    }

    @Test("exclude, descendent-of, = and imports shape an expansion")
    func composeRules() throws {
        let service = try TestTerminology.fresh()
        try service.register(TestTerminology.json(TestTerminology.animals))
        let below = try service.expand(valueSet: TestTerminology.json("""
            {"resourceType":"ValueSet","status":"active","compose":{
              "include":[{"system":"http://example.org/animals","filter":[{"property":"concept","op":"descendent-of","value":"animal"}]}],
              "exclude":[{"system":"http://example.org/animals","filter":[{"property":"concept","op":"is-a","value":"mammal"}]}]}}
            """), options: ExpansionOptions())
        #expect(below.contains.map(\.code) == ["bird", "fish"])
        let fourLegs = try service.expand(valueSet: TestTerminology.json("""
            {"resourceType":"ValueSet","status":"active","compose":{
              "include":[{"system":"http://example.org/animals","filter":[{"property":"legs","op":"=","value":"4"}]}]}}
            """), options: ExpansionOptions())
        #expect(fourLegs.contains.map(\.code) == ["dog", "cat"])
        try service.register(TestTerminology.json("""
            {"resourceType":"ValueSet","url":"http://example.org/vs/four-legs","status":"active","compose":{
              "include":[{"system":"http://example.org/animals","filter":[{"property":"legs","op":"=","value":"4"}]}]}}
            """))
        let imported = try service.expand(valueSet: TestTerminology.json("""
            {"resourceType":"ValueSet","status":"active","compose":{"include":[{"valueSet":["http://example.org/vs/four-legs"]}],
              "exclude":[{"system":"http://example.org/animals","concept":[{"code":"dog"}]}]}}
            """), options: ExpansionOptions())
        #expect(imported.contains.map(\.code) == ["cat"])
    }

    @Test("designations appear only when asked for")
    func designations() throws {
        let service = try TestTerminology.fresh()
        try service.register(TestTerminology.json(TestTerminology.animals))
        let valueSet = try TestTerminology.json("""
            {"resourceType":"ValueSet","status":"active","compose":{"include":[{"system":"http://example.org/animals","concept":[{"code":"dog"}]}]}}
            """)
        #expect(try service.expand(valueSet: valueSet, options: ExpansionOptions()).contains.first?.designations.isEmpty == true)
        #expect(try service.expand(valueSet: valueSet, options: ExpansionOptions(includeDesignations: true)).contains.first?.designations.first?.value == "Hund")
    }

    @Test("a value set over SNOMED CT cannot be expanded; an unknown one is not found")
    func notExpandable() throws {
        let service = try TestTerminology.shipped()
        do {
            _ = try service.expand(valueSetURL: "http://hl7.org/fhir/ValueSet/condition-code", options: ExpansionOptions())
            Issue.record("expected an error")
        } catch {
            #expect(error.kind == .notSupported)
        }
        do {
            _ = try service.expand(valueSetURL: "http://example.org/none", options: ExpansionOptions())
            Issue.record("expected an error")
        } catch {
            #expect(error.kind == .notFound)
        }
    }

    @Test("the expansion renders as a ValueSet with expansion.total and contains")
    func json() throws {
        let expansion = try TestTerminology.shipped().expand(valueSetURL: "http://hl7.org/fhir/ValueSet/administrative-gender", options: ExpansionOptions(count: 1))
        let resource = expansion.json()
        #expect(resource["resourceType"] == "ValueSet")
        #expect(resource["expansion"]?["total"] == 4)
        #expect(resource["expansion"]?["contains"]?.arrayValue?.count == 1)
    }
}
