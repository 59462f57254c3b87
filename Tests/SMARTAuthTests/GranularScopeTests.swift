import FHIRAccess
import SMARTAuth
import Testing

@Suite struct GranularScopeTests {
    private static let laboratory = ScopeParameter(name: "category", value: "http://terminology.hl7.org/CodeSystem/observation-category|laboratory")
    private static let vitalSigns = ScopeParameter(name: "category", value: "http://terminology.hl7.org/CodeSystem/observation-category|vital-signs")
    private static let final = ScopeParameter(name: "status", value: "final")

    private func query(_ parameters: ScopeParameter...) throws -> ScopeQuery {
        try #require(ScopeQuery(parameters))
    }

    @Test func twoGranularScopesOnATypeAreAUnion() throws {
        let caller = try PolicyFixture.caller(
            "patient/Observation.rs?category=http://terminology.hl7.org/CodeSystem/observation-category|laboratory patient/Observation.rs?category=http://terminology.hl7.org/CodeSystem/observation-category|vital-signs",
            launch: "p1"
        )
        let decision = PolicyFixture.decide(caller, .searchType, "Observation")
        #expect(decision.access == .allow(.patientCompartment(patientIDs: ["p1"])))
        #expect(decision.restriction.queriesByType == ["Observation": [try query(Self.laboratory), try query(Self.vitalSigns)]])
        #expect(decision.restriction.queries(for: "Condition") == nil)
    }

    @Test func pairsOfOneScopeAreAnIntersection() throws {
        let caller = try PolicyFixture.caller("user/Observation.rs?status=final&category=http://terminology.hl7.org/CodeSystem/observation-category|laboratory", role: .administrator)
        let decision = PolicyFixture.decide(caller, .read, "Observation")
        #expect(decision.access == .allow(.unrestricted))
        #expect(decision.restriction.queries(for: "Observation") == [try query(Self.laboratory, Self.final)])
    }

    @Test func anUnrestrictedScopeWinsOverGranularOnes() throws {
        let caller = try PolicyFixture.caller("user/Observation.rs?category=laboratory user/Observation.rs", role: .administrator)
        let decision = PolicyFixture.decide(caller, .searchType, "Observation")
        #expect(decision.access == .allow(.unrestricted))
        #expect(decision.restriction.isEmpty)
    }

    @Test func readAndSearchAreRestrictedSeparately() throws {
        let caller = try PolicyFixture.caller("patient/Observation.r patient/Observation.s?category=laboratory", launch: "p1")
        let read = PolicyFixture.decide(caller, .read, "Observation")
        #expect(read.access == .allow(.patientCompartment(patientIDs: ["p1"])))
        #expect(read.restriction.isEmpty)
        let search = PolicyFixture.decide(caller, .searchType, "Observation")
        #expect(search.restriction.queriesByType == ["Observation": [try query(ScopeParameter(name: "category", value: "laboratory"))]])
    }

    @Test func aNarrowerQueryAddsNothingToTheUnion() throws {
        let caller = try PolicyFixture.caller("user/Observation.rs?category=laboratory user/Observation.rs?category=laboratory&status=final", role: .administrator)
        let decision = PolicyFixture.decide(caller, .searchType, "Observation")
        #expect(decision.restriction.queriesByType == ["Observation": [try query(ScopeParameter(name: "category", value: "laboratory"))]])
    }

    @Test func granularScopesUnderDifferentFiltersShareTheNarrowerFilter() throws {
        let caller = try PolicyFixture.caller("patient/Observation.rs?category=laboratory user/Observation.rs?category=vital-signs", role: .administrator, launch: "p1")
        let decision = PolicyFixture.decide(caller, .searchType, "Observation")
        #expect(decision.access == .allow(.patientCompartment(patientIDs: ["p1"])))
        #expect(decision.restriction.queriesByType == ["Observation": [
            try query(ScopeParameter(name: "category", value: "laboratory")),
            try query(ScopeParameter(name: "category", value: "vital-signs")),
        ]])
    }

    @Test func systemSearchCarriesTheQueriesOfEachGranularType() throws {
        let caller = try PolicyFixture.caller("patient/Observation.rs?category=laboratory patient/Condition.rs patient/DocumentReference.s?type=http://loinc.org|34133-9", launch: "p1")
        let decision = PolicyFixture.decide(caller, .searchSystem)
        #expect(decision.access == .allow(.patientCompartment(patientIDs: ["p1"])))
        #expect(decision.restriction.queriesByType == [
            "Observation": [try query(ScopeParameter(name: "category", value: "laboratory"))],
            "DocumentReference": [try query(ScopeParameter(name: "type", value: "http://loinc.org|34133-9"))],
        ])
    }

    @Test func aWildcardScopeLiftsTheRestrictionOfANamedType() throws {
        let caller = try PolicyFixture.caller("user/Observation.rs?category=laboratory user/*.rs", role: .dataSteward)
        #expect(PolicyFixture.decide(caller, .searchType, "Observation").restriction.isEmpty)
        #expect(PolicyFixture.decide(caller, .searchSystem).restriction.isEmpty)
    }

    @Test func granularScopesGrantNoWrites() throws {
        let caller = try PolicyFixture.caller("user/Observation.rs?category=laboratory", role: .administrator)
        #expect(!PolicyFixture.decide(caller, .update, "Observation").isAllowed)
        #expect(!PolicyFixture.decide(caller, .create, "Observation").isAllowed)
    }
}
