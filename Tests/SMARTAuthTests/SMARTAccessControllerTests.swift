import FHIRAccess
import SMARTAuth
import Testing

@Suite struct SMARTAccessControllerTests {
    private func controller(_ caller: SMARTCaller) -> SMARTAccessController {
        SMARTAccessController(policy: PolicyFixture.policy, caller: caller)
    }

    @Test func passesOnReadDecisions() throws {
        let access = controller(try PolicyFixture.caller("user/*.rs", role: .clinician))
        #expect(access.decide(PolicyFixture.request(.searchType, "Observation")) == .allow(.patientCompartment(patientIDs: ["p1", "p2"])))
        #expect(access.decide(PolicyFixture.request(.delete, "Observation")) == .deny(reason: "No granted scope allows 'd' (delete) on Observation; the token's resource scopes are user/*.rs"))
    }

    @Test func passesOnUnconfinedWrites() throws {
        let access = controller(try PolicyFixture.caller("user/*.cruds", role: .administrator))
        #expect(access.decide(PolicyFixture.request(.update, "Observation", id: "o1")) == .allow(.unrestricted))
    }

    @Test func refusesConfinedWrites() throws {
        let access = controller(try PolicyFixture.caller("user/*.cruds", role: .clinician))
        #expect(access.decide(PolicyFixture.request(.update, "Observation", id: "o1")) == .deny(reason: "This token is confined to patient compartments, and writes under such a confinement cannot be checked yet"))
        #expect(access.decide(PolicyFixture.request(.create, "Patient")) == .deny(reason: "This token is confined to patient compartments, and writes under such a confinement cannot be checked yet"))
    }

    @Test func refusesGranularRestrictions() throws {
        let access = controller(try PolicyFixture.caller("user/Observation.rs?category=laboratory user/Condition.rs", role: .administrator))
        #expect(access.decide(PolicyFixture.request(.searchType, "Observation")) == .deny(reason: "The token's granular scopes on Observation cannot be enforced on this request yet; ask for scopes without a query"))
        #expect(access.decide(PolicyFixture.request(.read, "Condition")) == .allow(.unrestricted))
        #expect(access.decide(PolicyFixture.request(.searchType, "Condition")) == .deny(reason: "The token's granular scopes on Observation cannot be enforced on this request yet; ask for scopes without a query"))
        #expect(access.decide(PolicyFixture.request(.searchSystem)) == .deny(reason: "The token's granular scopes on Observation cannot be enforced on this request yet; ask for scopes without a query"))
    }

    @Test func refusesAnotherPrincipal() throws {
        let access = controller(try PolicyFixture.caller("system/*.cruds"))
        let request = AccessRequest(principal: Principal(subject: "someone-else"), interaction: .read, resourceType: "Observation")
        #expect(access.decide(request) == .deny(reason: "The access decision was asked for 'someone-else' but the token belongs to 'caller-1'"))
    }
}
