import FHIRAccess
import SMARTAuth
import Testing

@Suite struct AccessPolicyTests {
    private let policy = PolicyFixture.policy

    @Test func patientScopeWithoutPatientIsDenied() throws {
        let caller = try PolicyFixture.caller("launch/patient patient/Observation.rs", role: .clinician)
        let decision = PolicyFixture.decide(caller, .searchType, "Observation")
        #expect(decision.access == .deny(reason: "The token has patient/ scopes but no patient: a patient/ scope needs a patient in the launch context (request launch/patient, or launch from a patient's record)"))
    }

    @Test func patientScopeWithoutPatientLeavesUserScopesInForce() throws {
        let caller = try PolicyFixture.caller("patient/Observation.rs user/Observation.rs", role: .clinician)
        #expect(PolicyFixture.decide(caller, .read, "Observation").access == .allow(.patientCompartment(patientIDs: ["p1", "p2"])))
    }

    @Test func researcherIsRefusedTheClinicalView() throws {
        let caller = try PolicyFixture.caller("user/*.rs", role: .researcher)
        #expect(PolicyFixture.decide(caller, .read, "Observation").access == .deny(reason: "The researcher role may use the research view /research/fhir only, not the clinical view /fhir"))
        #expect(PolicyFixture.decide(caller, .batch).access == .deny(reason: "The researcher role may use the research view /research/fhir only, not the clinical view /fhir"))
        #expect(PolicyFixture.decide(caller, .capabilities).access == .allow(.unrestricted))
        #expect(PolicyFixture.decide(caller, .searchType, "Observation", view: .research).access == .allow(.unrestricted))
    }

    @Test func clinicianIsRefusedTheResearchView() throws {
        let caller = try PolicyFixture.caller("user/*.rs", role: .clinician)
        #expect(PolicyFixture.decide(caller, .read, "Observation", view: .research).access == .deny(reason: "The clinician role may use the clinical view /fhir only, not the research view /research/fhir"))
    }

    @Test func dataStewardMayNotWrite() throws {
        let caller = try PolicyFixture.caller("user/*.cruds", role: .dataSteward)
        #expect(PolicyFixture.decide(caller, .update, "Observation").access == .deny(reason: "The data-steward role is read-only; it may not create, update or delete"))
        #expect(PolicyFixture.decide(caller, .read, "Observation").access == .allow(.unrestricted))
        #expect(!caller.mayUseAdministrationAPI)
    }

    @Test func researchViewIsReadOnly() throws {
        let caller = try PolicyFixture.caller("user/*.cruds", role: .administrator)
        #expect(PolicyFixture.decide(caller, .create, "Observation", view: .research).access == .deny(reason: "The research view is read-only; write through the clinical view /fhir"))
    }

    @Test func onlyAdministratorsUseTheAdministrationAPI() throws {
        #expect(try PolicyFixture.caller("user/*.cruds", role: .administrator).mayUseAdministrationAPI)
        for role in [Role.researcher, .clinician, .dataSteward, .patient] {
            #expect(try !PolicyFixture.caller("user/*.cruds", role: role).mayUseAdministrationAPI, "\(role)")
        }
        #expect(try !PolicyFixture.caller("system/*.cruds").mayUseAdministrationAPI)
    }

    @Test func roleRawValues() {
        #expect(Role.allCases.map(\.rawValue) == ["researcher", "clinician", "data-steward", "administrator", "patient"])
        #expect(Role(rawValue: "data-steward") == .dataSteward)
        #expect(Role(rawValue: "dataSteward") == nil)
    }

    @Test func clinicianCompartmentIsTheAssignedPatients() throws {
        let caller = try PolicyFixture.caller("user/*.cruds", role: .clinician, assigned: ["p7", "p3", "p7", "p9"])
        #expect(PolicyFixture.decide(caller, .searchType, "Condition").access == .allow(.patientCompartment(patientIDs: ["p7", "p3", "p9"])))
        let unassigned = try PolicyFixture.caller("user/*.cruds", role: .clinician, assigned: [])
        #expect(PolicyFixture.decide(unassigned, .searchType, "Condition").access == .allow(.patientCompartment(patientIDs: [])))
    }

    @Test func clinicianLaunchPatientMustBeAssigned() throws {
        let caller = try PolicyFixture.caller("patient/*.rs", role: .clinician, launch: "p3")
        #expect(PolicyFixture.decide(caller, .read, "Observation").access == .deny(reason: "Patient 'p3' of the launch context is not one of this clinician's assigned patients"))
    }

    @Test func clinicianMayCreatePatientsAndTheNewPatientIsNotConfined() throws {
        let caller = try PolicyFixture.caller("user/Patient.cruds", role: .clinician)
        let decision = PolicyFixture.decide(caller, .create, "Patient")
        #expect(decision.access == .allow(.patientCompartment(patientIDs: ["p1", "p2"])))
        #expect(decision.writtenResourceFilter == .unrestricted)
        let update = PolicyFixture.decide(caller, .update, "Patient")
        #expect(update.writtenResourceFilter == .patientCompartment(patientIDs: ["p1", "p2"]))
    }

    @Test func writesOutsideThePatientCompartmentAreRefusedUnderConfinement() throws {
        let caller = try PolicyFixture.caller("user/*.cruds", role: .clinician)
        #expect(PolicyFixture.decide(caller, .create, "Practitioner").access == .deny(reason: "This token is confined to patient compartments and may write only resources in them; Practitioner is not a type of the Patient compartment"))
        let launched = try PolicyFixture.caller("patient/*.cruds", role: .administrator, launch: "p1")
        #expect(PolicyFixture.decide(launched, .create, "Patient").access == .deny(reason: "This token is confined to patient compartments, and a new Patient lies outside all of them; only a clinician (through user/ or system/ scopes) may create a Patient"))
    }

    @Test func writtenResourceFilterFollowsTheDecision() throws {
        let clinician = try PolicyFixture.caller("user/*.cruds", role: .clinician)
        #expect(PolicyFixture.decide(clinician, .create, "Observation").writtenResourceFilter == .patientCompartment(patientIDs: ["p1", "p2"]))
        #expect(PolicyFixture.decide(clinician, .delete, "Observation").writtenResourceFilter == .patientCompartment(patientIDs: ["p1", "p2"]))
        #expect(PolicyFixture.decide(clinician, .read, "Observation").writtenResourceFilter == nil)
        let administrator = try PolicyFixture.caller("user/*.cruds", role: .administrator)
        #expect(PolicyFixture.decide(administrator, .update, "Observation").writtenResourceFilter == .unrestricted)
        #expect(PolicyFixture.decide(administrator, .create, "Organization").writtenResourceFilter == .unrestricted)
    }

    @Test func patientRoleNeedsAPatientFhirUser() throws {
        let caller = try PolicyFixture.caller("user/*.rs", role: .patient, fhirUser: "Practitioner/d1")
        #expect(PolicyFixture.decide(caller, .read, "Observation").access == .deny(reason: "A user in the patient role needs a fhirUser that is a Patient reference (Patient/[id]); this token has 'Practitioner/d1'"))
        let absolute = try PolicyFixture.caller("user/*.rs", role: .patient, fhirUser: "https://kiln.example.org/fhir/Patient/p5")
        #expect(PolicyFixture.decide(absolute, .read, "Observation").access == .allow(.patientCompartment(patientIDs: ["p5"])))
    }

    @Test func patientLaunchPatientMustBeTheirOwn() throws {
        let caller = try PolicyFixture.caller("patient/*.rs", role: .patient, launch: "p2")
        #expect(PolicyFixture.decide(caller, .read, "Observation").access == .deny(reason: "Patient 'p2' of the launch context is not this user's own record ('p1'); patient/ scopes reach the launch patient only"))
    }

    @Test func systemClientIsUnrestrictedByItsScopes() throws {
        let caller = try PolicyFixture.caller("system/*.cruds")
        for interaction in [Interaction.read, .vread, .update, .patch, .delete, .historyInstance, .historyType, .create, .searchType, .operation] {
            #expect(PolicyFixture.decide(caller, interaction, "Observation").access == .allow(.unrestricted), "\(interaction)")
        }
        #expect(PolicyFixture.decide(caller, .searchSystem).access == .allow(.unrestricted))
        #expect(PolicyFixture.decide(caller, .historySystem).access == .allow(.unrestricted))
        #expect(PolicyFixture.decide(caller, .transaction).access == .allow(.unrestricted))
    }

    @Test func capabilitiesAreAlwaysAllowed() throws {
        let nobody = try PolicyFixture.caller("")
        #expect(PolicyFixture.decide(nobody, .capabilities).access == .allow(.unrestricted))
        #expect(PolicyFixture.decide(nobody, .capabilities, view: .research).access == .allow(.unrestricted))
    }

    @Test func bundlesAreAllowedAtTheBundleLevelOnly() throws {
        let clinician = try PolicyFixture.caller("user/Observation.rs", role: .clinician)
        #expect(PolicyFixture.decide(clinician, .batch).access == .allow(.patientCompartment(patientIDs: ["p1", "p2"])))
        #expect(PolicyFixture.decide(clinician, .transaction).access == .allow(.patientCompartment(patientIDs: ["p1", "p2"])))
        #expect(!PolicyFixture.decide(clinician, .create, "Observation").isAllowed)
        let steward = try PolicyFixture.caller("user/*.rs", role: .dataSteward)
        #expect(PolicyFixture.decide(steward, .transaction).access == .allow(.unrestricted))
        let noResources = try PolicyFixture.caller("openid fhirUser", role: .administrator)
        #expect(PolicyFixture.decide(noResources, .batch).access == .deny(reason: "The token has no resource scopes, so no entry of a Bundle could be allowed"))
    }

    @Test func missingScopeIsExplained() throws {
        let caller = try PolicyFixture.caller("openid patient/Observation.rs patient/Condition.r", launch: "p1")
        #expect(PolicyFixture.decide(caller, .searchType, "Condition").access == .deny(reason: "No granted scope allows 's' (search) on Condition; the token's resource scopes are patient/Observation.rs patient/Condition.r"))
        #expect(PolicyFixture.decide(caller, .create, "Observation").access == .deny(reason: "No granted scope allows 'c' (create) on Observation; the token's resource scopes are patient/Observation.rs patient/Condition.r"))
        #expect(PolicyFixture.decide(caller, .operation).access == .deny(reason: "A system-level operation needs a scope with 'r' on every type ('*'); the token's resource scopes are patient/Observation.rs patient/Condition.r"))
        let none = try PolicyFixture.caller("openid")
        #expect(PolicyFixture.decide(none, .read, "Patient").access == .deny(reason: "No granted scope allows 'r' (read) on Patient; the token has no resource scopes"))
    }

    @Test func writesMustNameTheirType() throws {
        let caller = try PolicyFixture.caller("system/*.cruds")
        #expect(PolicyFixture.decide(caller, .create).access == .deny(reason: "A create must name its resource type"))
    }

    @Test func patientAndUserScopesTogetherJoinTheirCompartments() throws {
        let caller = try PolicyFixture.caller("patient/Observation.rs user/Observation.rs", role: .patient, launch: "p1")
        #expect(PolicyFixture.decide(caller, .read, "Observation").access == .allow(.patientCompartment(patientIDs: ["p1"])))
        let administrator = try PolicyFixture.caller("patient/Observation.rs user/Observation.rs", role: .administrator, launch: "p1")
        #expect(PolicyFixture.decide(administrator, .read, "Observation").access == .allow(.unrestricted))
    }

    @Test func interactionsMapToPermissionLetters() {
        let expected: [(Interaction, String?)] = [
            (.read, "r"), (.vread, "r"), (.historyInstance, "r"),
            (.searchType, "s"), (.searchSystem, "s"), (.historyType, "s"), (.historySystem, "s"),
            (.create, "c"), (.update, "u"), (.patch, "u"), (.delete, "d"), (.operation, "r"),
            (.batch, nil), (.transaction, nil), (.capabilities, nil),
        ]
        #expect(expected.count == Interaction.allCases.count)
        for (interaction, letters) in expected {
            #expect(interaction.smartPermission?.letters == letters, "\(interaction)")
        }
    }

    @Test func fhirUserPatientID() {
        func id(_ fhirUser: String?) -> String? {
            SMARTCaller(subject: "s", scopes: .empty, fhirUser: fhirUser).fhirUserPatientID
        }
        #expect(id("Patient/p1") == "p1")
        #expect(id("https://kiln.example.org/fhir/Patient/abc-1.2") == "abc-1.2")
        #expect(id("Practitioner/p1") == nil)
        #expect(id("Patient/") == nil)
        #expect(id("Patient") == nil)
        #expect(id("Patient/a b") == nil)
        #expect(id("Patient/p1/_history/2") == nil)
        #expect(id(nil) == nil)
    }
}
