import FHIRAccess
import SMARTAuth
import Testing

@Suite struct ReadableTypesTests {
    private let policy = PolicyFixture.policy

    @Test func namedScopesListTheirTypes() throws {
        let caller = try PolicyFixture.caller("patient/Observation.rs patient/Condition.r patient/Encounter.s user/Patient.cud", launch: "p1")
        #expect(policy.searchableTypes(for: caller, in: .clinical) == .only(["Observation", "Encounter"]))
        #expect(policy.readableTypes(for: caller, in: .clinical) == .only(["Observation", "Condition"]))
    }

    @Test func aWildcardScopeMakesEveryTypeSearchable() throws {
        let caller = try PolicyFixture.caller("system/Observation.s system/*.rs")
        #expect(policy.searchableTypes(for: caller, in: .clinical) == .all)
        #expect(policy.searchableTypes(for: caller, in: .clinical).contains("Practitioner"))
    }

    @Test func scopesThatCannotApplyListNothing() throws {
        let noPatient = try PolicyFixture.caller("patient/*.rs user/Observation.s", role: .clinician)
        #expect(policy.searchableTypes(for: noPatient, in: .clinical) == .only(["Observation"]))
        let researcher = try PolicyFixture.caller("user/*.rs", role: .researcher)
        #expect(policy.searchableTypes(for: researcher, in: .clinical).isEmpty)
        #expect(policy.searchableTypes(for: researcher, in: .research) == .all)
        let patientWithoutRecord = try PolicyFixture.caller("user/*.rs", role: .patient, fhirUser: "Practitioner/1")
        #expect(policy.readableTypes(for: patientWithoutRecord, in: .clinical).isEmpty)
    }

    @Test func resourceTypeSet() {
        #expect(ResourceTypeSet.all.contains("Observation"))
        #expect(!ResourceTypeSet.all.isEmpty)
        #expect(ResourceTypeSet.only(["Observation"]).contains("Observation"))
        #expect(!ResourceTypeSet.only(["Observation"]).contains("Condition"))
        #expect(ResourceTypeSet.only([]).isEmpty)
    }
}
