import FHIRModel
import FHIRTerminology
import Testing

@Suite("$validate-code")
struct ValidateCodeTests {
    private let gender = "http://hl7.org/fhir/administrative-gender"

    @Test("a code of a complete code system is valid; another is invalid with a message")
    func codeSystem() throws {
        let service = try TestTerminology.shipped()
        let valid = service.validateCode(CodeValidationRequest(system: gender, code: "female"))
        #expect(valid.outcome == .valid)
        #expect(valid.display == "Female")
        let invalid = service.validateCode(CodeValidationRequest(system: gender, code: "f"))
        #expect(invalid.outcome == .invalid)
        #expect(invalid.message?.contains("'f'") == true)
    }

    @Test("a wrong display is flagged; a designation or different case is not wrong")
    func display() throws {
        let service = try TestTerminology.shipped()
        let wrong = service.validateCode(CodeValidationRequest(system: gender, code: "male", display: "Man"))
        #expect(wrong.outcome == .valid)
        #expect(wrong.displayIsWrong)
        #expect(wrong.message?.contains("Male") == true)
        #expect(!service.validateCode(CodeValidationRequest(system: gender, code: "male", display: "MALE")).displayIsWrong)
    }

    @Test("membership in a value set is answered from the compose")
    func valueSet() throws {
        let service = try TestTerminology.shipped()
        let url = "http://hl7.org/fhir/ValueSet/administrative-gender"
        #expect(service.validateCode(CodeValidationRequest(system: gender, code: "other", valueSet: url)).outcome == .valid)
        #expect(service.validateCode(CodeValidationRequest(system: gender, code: "male", valueSet: "\(url)|4.0.1")).outcome == .valid)
        #expect(service.validateCode(CodeValidationRequest(system: "http://example.org/x", code: "male", valueSet: url)).outcome == .invalid)
    }

    @Test("a code without a system is checked against the value set's only system")
    func withoutSystem() throws {
        let result = try TestTerminology.shipped().validateCode(CodeValidationRequest(system: nil, code: "unknown", valueSet: "http://hl7.org/fhir/ValueSet/administrative-gender"))
        #expect(result.outcome == .valid)
        #expect(result.display == "Unknown")
    }

    @Test("an unknown value set is cannot-tell")
    func unknownValueSet() throws {
        let result = try TestTerminology.shipped().validateCode(CodeValidationRequest(system: gender, code: "male", valueSet: "http://example.org/ValueSet/none"))
        #expect(result.outcome == .cannotTell)
        #expect(result.message != nil)
    }

    @Test("ICD-10-CM codes are valid or invalid; a value set over all of ICD-10-CM answers without expanding")
    func icd() throws {
        let service = try TestTerminology.fresh()
        let icd = "http://hl7.org/fhir/sid/icd-10-cm"
        #expect(service.validateCode(CodeValidationRequest(system: icd, code: "E11.9")).outcome == .valid)
        #expect(service.validateCode(CodeValidationRequest(system: icd, code: "E11.99999")).outcome == .invalid)
        try service.register(TestTerminology.json("""
            {"resourceType":"ValueSet","url":"http://example.org/ValueSet/all-icd","status":"active","compose":{"include":[{"system":"\(icd)"}]}}
            """))
        #expect(service.validateCode(CodeValidationRequest(system: icd, code: "I10", valueSet: "http://example.org/ValueSet/all-icd")).outcome == .valid)
        #expect(service.validateCode(CodeValidationRequest(system: icd, code: "ZZZ", valueSet: "http://example.org/ValueSet/all-icd")).outcome == .invalid)
    }

    @Test("a LOINC code outside the shipped subset is cannot-tell; one not in LOINC's format is invalid")
    func loinc() throws {
        let service = try TestTerminology.shipped()
        #expect(service.validateCode(CodeValidationRequest(system: "http://loinc.org", code: "2345-7")).outcome == .valid)
        #expect(service.validateCode(CodeValidationRequest(system: "http://loinc.org", code: "99999-9")).outcome == .cannotTell)
        #expect(service.validateCode(CodeValidationRequest(system: "http://loinc.org", code: "ABC")).outcome == .invalid)
        #expect(service.validateCode(CodeValidationRequest(system: "http://loinc.org", code: "12345678-9")).outcome == .invalid)
    }

    @Test("SNOMED CT and unknown systems are cannot-tell")
    func notShipped() throws {
        let service = try TestTerminology.shipped()
        let snomed = service.validateCode(CodeValidationRequest(system: "http://snomed.info/sct", code: "44054006"))
        #expect(snomed.outcome == .cannotTell)
        #expect(snomed.message?.contains("SNOMED CT") == true)
        #expect(service.validateCode(CodeValidationRequest(system: "http://example.org/unknown", code: "x")).outcome == .cannotTell)
    }

    @Test("a value set that filters on SNOMED CT is cannot-tell")
    func snomedValueSet() throws {
        // condition-code: all of SNOMED CT.
        let result = try TestTerminology.shipped().validateCode(CodeValidationRequest(system: "http://snomed.info/sct", code: "44054006", valueSet: "http://hl7.org/fhir/ValueSet/condition-code"))
        #expect(result.outcome == .cannotTell)
    }

    @Test("UCUM units are validated by the UCUM grammar")
    func ucum() throws {
        let service = try TestTerminology.shipped()
        #expect(service.validateCode(CodeValidationRequest(system: "http://unitsofmeasure.org", code: "mmol/L")).outcome == .valid)
        #expect(service.validateCode(CodeValidationRequest(system: "http://unitsofmeasure.org", code: "mmol/")).outcome == .invalid)
    }

    @Test("is-a, regex, exclude and valueSet imports decide membership")
    func composeRules() throws {
        let service = try TestTerminology.fresh()
        try service.register(TestTerminology.json(TestTerminology.animals))
        try service.register(TestTerminology.json("""
            {"resourceType":"ValueSet","url":"http://example.org/vs/mammals-not-cats","status":"active","compose":{
              "include":[{"system":"http://example.org/animals","filter":[{"property":"concept","op":"is-a","value":"mammal"}]}],
              "exclude":[{"system":"http://example.org/animals","concept":[{"code":"cat"}]}]}}
            """))
        try service.register(TestTerminology.json("""
            {"resourceType":"ValueSet","url":"http://example.org/vs/starts-with-b-or-d","status":"active","compose":{
              "include":[{"system":"http://example.org/animals","filter":[{"property":"code","op":"regex","value":"[bd].*"}]}]}}
            """))
        try service.register(TestTerminology.json("""
            {"resourceType":"ValueSet","url":"http://example.org/vs/both","status":"active","compose":{
              "include":[{"valueSet":["http://example.org/vs/mammals-not-cats","http://example.org/vs/starts-with-b-or-d"]}]}}
            """))
        func check(_ code: String, _ valueSet: String) -> CodeValidationResult.Outcome {
            service.validateCode(CodeValidationRequest(system: "http://example.org/animals", code: code, valueSet: "http://example.org/vs/\(valueSet)")).outcome
        }
        #expect(check("mammal", "mammals-not-cats") == .valid)
        #expect(check("dog", "mammals-not-cats") == .valid)
        #expect(check("cat", "mammals-not-cats") == .invalid)
        #expect(check("bird", "mammals-not-cats") == .invalid)
        #expect(check("bird", "starts-with-b-or-d") == .valid)
        #expect(check("cat", "starts-with-b-or-d") == .invalid)
        #expect(check("dog", "both") == .valid)
        #expect(check("bird", "both") == .invalid)
    }
}
