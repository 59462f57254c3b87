import FHIRAccess
import SMARTAuth
import Testing

@Suite struct SearchReachTests {
    @Test func aSearchOfOneTypeCarriesTheRestrictionsOfTypesItCanReach() throws {
        let caller = try PolicyFixture.caller("patient/Observation.rs user/Condition.rs?clinical-status=active", role: .clinician, launch: "p1")
        let conditions = PolicyFixture.decide(caller, .searchType, "Condition")
        #expect(conditions.access == .allow(.patientCompartment(patientIDs: ["p1"])))
        #expect(conditions.restriction.queriesByType == ["Condition": [try #require(ScopeQuery([ScopeParameter(name: "clinical-status", value: "active")]))]])
        let observations = PolicyFixture.decide(caller, .searchType, "Observation")
        #expect(observations.access == .allow(.patientCompartment(patientIDs: ["p1"])))
        #expect(observations.restriction.queriesByType == ["Condition": [try #require(ScopeQuery([ScopeParameter(name: "clinical-status", value: "active")]))]])
    }

    @Test func aReadKeepsItsOwnTypesFilter() throws {
        let caller = try PolicyFixture.caller("patient/Observation.rs user/Condition.rs", role: .clinician, launch: "p1")
        #expect(PolicyFixture.decide(caller, .read, "Condition").access == .allow(.patientCompartment(patientIDs: ["p1", "p2"])))
        #expect(PolicyFixture.decide(caller, .searchType, "Condition").access == .allow(.patientCompartment(patientIDs: ["p1"])))
    }

    @Test func aSearchStillNeedsAScopeOnItsOwnType() throws {
        let caller = try PolicyFixture.caller("patient/Observation.rs", launch: "p1")
        #expect(!PolicyFixture.decide(caller, .searchType, "Condition").isAllowed)
    }
}
