import FHIRAccess
import SMARTAuth
import Testing

@Suite struct SMARTAccessControllerTests {
    private func controller(_ caller: SMARTCaller) -> SMARTAccessController {
        SMARTAccessController(policy: PolicyFixture.policy, caller: caller)
    }

    /// What the patients' Consents are asked for the fixture callers (no fhirUser, no
    /// organization): the role's purpose, the interaction's actions, the purpose's default.
    private func consent(_ purpose: String, _ actions: Set<String>) -> ConsentScope {
        ConsentScope(purpose: purpose, actors: [], actions: actions, permitsByDefault: true)
    }

    @Test func passesOnReadDecisions() throws {
        let access = controller(try PolicyFixture.caller("user/*.rs", role: .clinician))
        #expect(access.decide(PolicyFixture.request(.searchType, "Observation")) == .allow(AccessFilter.patientCompartment(patientIDs: ["p1", "p2"]).consenting(consent("TREAT", ["access"]))))
        #expect(access.decide(PolicyFixture.request(.delete, "Observation")) == .deny(reason: "No granted scope allows 'd' (delete) on Observation; the token's resource scopes are user/*.rs"))
    }

    @Test func passesOnUnconfinedWrites() throws {
        let access = controller(try PolicyFixture.caller("user/*.cruds", role: .administrator))
        #expect(access.decide(PolicyFixture.request(.update, "Observation", id: "o1")) == .allow(AccessFilter.unrestricted.consenting(consent("HOPERAT", ["correct"]))))
    }

    @Test func confinesWritesToTheCompartment() throws {
        let access = controller(try PolicyFixture.caller("user/*.cruds", role: .clinician))
        #expect(access.decide(PolicyFixture.request(.update, "Observation", id: "o1")) == .allow(AccessFilter.patientCompartment(patientIDs: ["p1", "p2"]).consenting(consent("TREAT", ["correct"]))))
        // Only the new content of a create is checked: a clinician's new Patient is not confined,
        // and a create asks no Consent (a Consent governs existing data).
        #expect(access.decide(PolicyFixture.request(.create, "Patient")) == .allow(.unrestricted))
        #expect(access.decide(PolicyFixture.request(.create, "Observation")) == .allow(.patientCompartment(patientIDs: ["p1", "p2"])))
    }

    @Test func carriesGranularRestrictionsInTheFilter() throws {
        let access = controller(try PolicyFixture.caller("user/Observation.rs?category=laboratory user/Condition.rs", role: .administrator))
        let laboratory = AccessRestriction(["Observation": [[AccessParameter(name: "category", value: "laboratory")]]])
        let types: Set = ["Observation", "Condition"]
        #expect(access.decide(PolicyFixture.request(.searchType, "Observation")) == .allow(AccessFilter(resourceTypes: types, restriction: laboratory, consent: consent("HOPERAT", ["access"]))))
        #expect(access.decide(PolicyFixture.request(.read, "Condition")) == .allow(AccessFilter(resourceTypes: types, consent: consent("HOPERAT", ["access"]))))
        #expect(access.decide(PolicyFixture.request(.searchType, "Condition")) == .allow(AccessFilter(resourceTypes: types, restriction: laboratory, consent: consent("HOPERAT", ["access"]))))
        #expect(access.decide(PolicyFixture.request(.searchSystem)) == .allow(AccessFilter(resourceTypes: types, restriction: laboratory, consent: consent("HOPERAT", ["access"]))))
    }

    @Test func refusesAnotherPrincipal() throws {
        let access = controller(try PolicyFixture.caller("system/*.cruds"))
        let request = AccessRequest(principal: Principal(subject: "someone-else"), interaction: .read, resourceType: "Observation")
        #expect(access.decide(request) == .deny(reason: "The access decision was asked for 'someone-else' but the token belongs to 'caller-1'"))
    }
}
