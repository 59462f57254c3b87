import FHIRAccess
import SMARTAuth
import Testing

/// What the SMART policy asks the patients' Consents: purpose of use, actors, actions, default.
@Suite("SMART policy: the consent scope of each request")
struct ConsentScopePolicyTests {
    let policy = PolicyFixture.policy

    @Test("Each role's default purpose of use, and TREAT for a backend client without a role")
    func rolePurposes() throws {
        let expected: [(Role?, String)] = [(.clinician, "TREAT"), (.researcher, "HRESCH"), (.patient, "PATRQT"), (.dataSteward, "HOPERAT"), (.administrator, "HOPERAT"), (nil, "TREAT")]
        for (role, purpose) in expected {
            #expect(try PolicyFixture.caller("user/*.rs", role: role).purposeOfUse == purpose, "\(role?.rawValue ?? "no role")")
        }
    }

    @Test("A token's stated purpose replaces the role's default")
    func statedPurposeWins() throws {
        var caller = try PolicyFixture.caller("user/*.rs", role: .clinician)
        caller.statedPurpose = "HOPERAT"
        #expect(policy.consentScope(for: PolicyFixture.request(.searchType, "Observation"), caller: caller)?.purpose == "HOPERAT")
    }

    @Test("The actors are the fhirUser, the Organization and the client registration")
    func actors() throws {
        var caller = try PolicyFixture.caller("user/*.rs", role: .clinician, fhirUser: "https://kiln.example/fhir/Practitioner/7")
        caller.organization = "Organization/1"
        caller.clientID = "app-1"
        let scope = policy.consentScope(for: PolicyFixture.request(.read, "Observation", id: "o1"), caller: caller)
        #expect(scope?.actors == ["Organization/1", "Practitioner/7", "identifier:urn:kiln:client-id|app-1"])
        #expect(scope?.actions == ["access"])
    }

    @Test("Break-glass (ETREAT), a patient's own access and a create ask no Consent")
    func noConsentScope() throws {
        var clinician = try PolicyFixture.caller("user/*.cruds", role: .clinician)
        #expect(policy.consentScope(for: PolicyFixture.request(.create, "Observation"), caller: clinician) == nil)
        clinician.statedPurpose = "ETREAT"
        #expect(policy.consentScope(for: PolicyFixture.request(.searchType, "Observation"), caller: clinician) == nil)
        let patient = try PolicyFixture.caller("patient/*.rs", role: .patient, launch: "p1", fhirUser: "Patient/p1")
        #expect(policy.consentScope(for: PolicyFixture.request(.searchType, "Observation"), caller: patient) == nil)
    }

    @Test("Identifiable research is denied by default, de-identified research permitted; updates and deletes are 'correct'")
    func defaultsAndActions() throws {
        let researcher = try PolicyFixture.caller("user/*.rs", role: .researcher)
        #expect(policy.consentScope(for: PolicyFixture.request(.searchType, "Observation", view: .clinical), caller: researcher)?.permitsByDefault == false)
        #expect(policy.consentScope(for: PolicyFixture.request(.searchType, "Observation", view: .research), caller: researcher)?.permitsByDefault == true)
        let administrator = try PolicyFixture.caller("user/*.cruds", role: .administrator)
        #expect(policy.consentScope(for: PolicyFixture.request(.delete, "Observation", id: "o1"), caller: administrator)?.actions == ["correct"])
        #expect(policy.consentScope(for: PolicyFixture.request(.patch, "Observation", id: "o1"), caller: administrator)?.actions == ["correct"])
    }

    @Test("A researcher never sees a Consent resource")
    func researcherNeverSeesConsent() throws {
        let researcher = try PolicyFixture.caller("user/*.rs user/Consent.rs", role: .researcher)
        #expect(!policy.decide(PolicyFixture.request(.searchType, "Consent", view: .research), for: researcher).isAllowed)
        #expect(!policy.decide(PolicyFixture.request(.read, "Consent", id: "c1", view: .research), for: researcher).isAllowed)
        #expect(policy.searchableTypes(for: researcher, in: .research) == .all)
        let named = try PolicyFixture.caller("user/Consent.rs user/Observation.rs", role: .researcher)
        #expect(policy.searchableTypes(for: named, in: .research) == .only(["Observation"]))
    }

    @Test("A configured default replaces the standard one; a malformed one is refused")
    func configuredDefaults() throws {
        var defaults = ConsentDefaults.standard
        try defaults.apply("HRESCH=permit")
        try defaults.apply("treat=deny")
        #expect(defaults.permits(purpose: "HRESCH", in: .clinical))
        #expect(!defaults.permits(purpose: "TREAT", in: .clinical))
        #expect(!defaults.permits(purpose: "PUBHLTH", in: .clinical))
        #expect(defaults.permits(purpose: "HRESCH", in: .research))
        try defaults.apply("HRESCH=deny")
        #expect(!defaults.permits(purpose: "HRESCH", in: .research), "HRESCH=deny makes the research view opt-in")
        #expect(!defaults.permits(purpose: "HRESCH", in: .clinical))
        #expect(throws: ConsentDefaultsError.self) { try defaults.apply("TREAT=maybe") }
        #expect(throws: ConsentDefaultsError.self) { try defaults.apply("=permit") }
    }
}
