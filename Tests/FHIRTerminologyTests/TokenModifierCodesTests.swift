import FHIRTerminology
import Foundation
import Testing

/// The codes behind the token search modifiers :in, :not-in, :above and :below.
@Suite struct TokenModifierCodesTests {
    static let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("terminology").path

    let service: TerminologyService

    init() throws {
        service = try TerminologyService.loadDefault(explicitDirectory: Self.directory)
    }

    @Test func belowIncludesTheCodeAndItsDescendants() throws {
        let codes = try service.searchCodes(.below, value: "http://hl7.org/fhir/sid/icd-10-cm|E11")
        let values = Set(codes.map(\.code))
        #expect(values.contains("E11"))
        #expect(values.contains("E11.9"))
        #expect(!values.contains("E10"))
        #expect(codes.allSatisfy { $0.system == "http://hl7.org/fhir/sid/icd-10-cm" })
    }

    @Test func aboveIncludesTheCodeAndItsAncestors() throws {
        let values = Set(try service.searchCodes(.above, value: "http://hl7.org/fhir/sid/icd-10-cm|E11.9").map(\.code))
        #expect(values.contains("E11.9"))
        #expect(values.contains("E11"))
        #expect(!values.contains("E11.65"))
    }

    @Test func inExpandsTheValueSet() throws {
        let codes = try service.searchCodes(.in, value: "http://hl7.org/fhir/ValueSet/administrative-gender")
        #expect(Set(codes.map(\.code)) == ["male", "female", "other", "unknown"])
    }

    @Test func unusableValuesAreErrors() {
        #expect(throws: TerminologyError.self) { try service.searchCodes(.below, value: "E11") }
        #expect(throws: TerminologyError.self) { try service.searchCodes(.below, value: "http://snomed.info/sct|73211009") }
        #expect(throws: TerminologyError.self) { try service.searchCodes(.in, value: "http://example.org/no-such-value-set") }
    }
}
