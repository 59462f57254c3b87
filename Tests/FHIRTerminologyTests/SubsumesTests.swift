import FHIRTerminology
import Testing

@Suite("$subsumes")
struct SubsumesTests {
    @Test("ICD-10-CM: E11 subsumes E11.9; E11.9 is subsumed by E08-E13; I10 and E11 are unrelated")
    func icd() throws {
        let service = try TestTerminology.shipped()
        let icd = "http://hl7.org/fhir/sid/icd-10-cm"
        #expect(try service.subsumes(system: icd, codeA: "E11", codeB: "E11.9") == .subsumes)
        #expect(try service.subsumes(system: icd, codeA: "E11.9", codeB: "E08-E13") == .subsumedBy)
        #expect(try service.subsumes(system: icd, codeA: "E11.9", codeB: "E11.9") == .equivalent)
        #expect(try service.subsumes(system: icd, codeA: "I10", codeB: "E11") == .notSubsumed)
    }

    @Test("an unknown code is not found; SNOMED CT is not supported")
    func errors() throws {
        let service = try TestTerminology.shipped()
        #expect(throws: TerminologyError.self) { try service.subsumes(system: "http://hl7.org/fhir/sid/icd-10-cm", codeA: "E11", codeB: "NOPE") }
        #expect(throws: TerminologyError.self) { try service.subsumes(system: "http://snomed.info/sct", codeA: "1", codeB: "2") }
    }
}
