import FHIRConsent
import FHIRModel
import Foundation
import Testing

/// The rules a written Consent keeps, and what the R4 examples compile to.
@Suite("Consent rules and compilation")
struct ConsentRulesTests {
    typealias F = ConsentFixtures

    func rules(_ consent: JSONValue) -> [String] {
        ConsentRules.violations(of: consent).map(\.rule)
    }

    @Test("A Consent as clients write it keeps every rule")
    func wellFormedConsentPasses() {
        let consent = F.consent(provision: #"{"type": "permit", "provision": [{"type": "deny", "actor": [\#(F.actor("Practitioner/7"))], "data": [{"meaning": "instance", "reference": {"reference": "Observation/1"}}]}]}"#)
        #expect(ConsentRules.violations(of: consent).isEmpty)
    }

    @Test("ppc-1: a Consent without policy or policyRule is refused")
    func ppc1Refused() {
        let consent = F.json(#"{"resourceType": "Consent", "status": "active", \#(F.privacyScope), "patient": {"reference": "Patient/1"}}"#)
        let violations = ConsentRules.violations(of: consent)
        #expect(violations.map(\.rule) == ["ppc-1"])
        #expect(violations.first?.expression == "Consent")
    }

    @Test("ppc-2 to ppc-5: a privacy, research, adr or treatment Consent names its patient")
    func scopesNeedAPatient() {
        for (scope, rule) in [("patient-privacy", "ppc-2"), ("research", "ppc-3"), ("adr", "ppc-4"), ("treatment", "ppc-5")] {
            let consent = F.json(#"{"resourceType": "Consent", "status": "active", "scope": {"coding": [{"system": "http://terminology.hl7.org/CodeSystem/consentscope", "code": "\#(scope)"}]}, \#(F.optIn)}"#)
            #expect(rules(consent) == [rule])
        }
    }

    @Test("kiln-consent-patient: an active Consent references a Patient on this server")
    func patientMustBeLocal() {
        let consent = F.json(#"{"resourceType": "Consent", "status": "active", \#(F.privacyScope), "patient": {"identifier": {"value": "x"}}, \#(F.optIn)}"#)
        #expect(rules(consent) == ["kiln-consent-patient"])
    }

    @Test("kiln-consent-type: a nested provision without type is refused")
    func nestedProvisionNeedsType() {
        let violations = ConsentRules.violations(of: F.consent(provision: #"{"type": "permit", "provision": [{"actor": [\#(F.actor("Practitioner/7"))]}]}"#))
        #expect(violations.map(\.rule) == ["kiln-consent-type"])
        #expect(violations.first?.expression == "Consent.provision.provision[0].type")
    }

    @Test("kiln-consent-actor-role: an actor without role is refused")
    func actorNeedsRole() {
        let violations = ConsentRules.violations(of: F.consent(provision: #"{"type": "deny", "actor": [{"reference": {"reference": "Practitioner/7"}}]}"#))
        #expect(violations.map(\.expression) == ["Consent.provision.actor[0].role"])
    }

    @Test("kiln-consent-data-meaning: a data entry without meaning is refused")
    func dataNeedsMeaning() {
        let violations = ConsentRules.violations(of: F.consent(provision: #"{"type": "deny", "data": [{"reference": {"reference": "Observation/1"}}]}"#))
        #expect(violations.map(\.expression) == ["Consent.provision.data[0].meaning"])
    }

    @Test("kiln-consent-depth: nesting depth 3 is refused on write, with the limit in the message")
    func nestingDepthThreeRefused() {
        let consent = F.consent(provision: #"{"type": "permit", "provision": [{"type": "deny", "provision": [{"type": "permit"}]}]}"#)
        let violations = ConsentRules.violations(of: consent)
        #expect(violations.map(\.rule) == ["kiln-consent-depth"])
        #expect(violations.first?.expression == "Consent.provision.provision[0].provision")
        #expect(violations.first?.message.contains("one level below the root") == true)
    }

    @Test("kiln-consent-element: an unknown provision element is refused")
    func unknownProvisionElementRefused() {
        let violations = ConsentRules.violations(of: F.consent(provision: #"{"type": "deny", "recipient": "everyone"}"#))
        #expect(violations.map(\.expression) == ["Consent.provision.recipient"])
    }

    @Test("kiln-consent-period: a period bound that is not a date is refused")
    func periodMustBeDates() {
        #expect(rules(F.consent(provision: #"{"type": "deny", "period": {"start": "soon"}}"#)) == ["kiln-consent-period"])
    }

    @Test("The R4 examples compile: Out denies an organization, notOrg denies it access, notTime is in force for a month")
    func r4ExamplesCompile() throws {
        let base = #""resourceType": "Consent", "status": "active", \#(F.privacyScope), \#(F.loincCategory), "patient": {"reference": "Patient/f001"}, "dateTime": "2015-11-18""#
        let out = F.json(#"{\#(base), \#(F.optOut), "provision": {"actor": [\#(F.actor("Organization/f001"))]}}"#)
        guard case .enforced(let compiledOut) = ConsentCompiler.compile(out) else { Issue.record("Out is not enforced"); return }
        #expect(compiledOut.patientID == "f001")
        #expect(!compiledOut.basePermit)
        #expect(compiledOut.rootActors == ["Organization/f001"])
        #expect(compiledOut.purposesFor == ["ETREAT", "HOPERAT", "PATRQT", "TREAT"])
        let notTime = F.json(#"{\#(base), \#(F.optIn), "provision": {"period": {"start": "2015-01-01", "end": "2015-02-01"}}}"#)
        guard case .enforced(let compiledTime) = ConsentCompiler.compile(notTime) else { Issue.record("notTime is not enforced"); return }
        #expect(compiledTime.periodStart == FHIRInstant.parse("2015-01-01"))
        #expect(compiledTime.periodEnd == FHIRInstant.parse("2015-02-02"))
        let noRule = F.json(#"{\#(base), "policy": [{"uri": "http://example.org/policy"}]}"#)
        #expect(ConsentCompiler.compile(noRule) == .inert(reason: "neither its root provision's type nor its policyRule (OPTIN or OPTOUT) says whether it permits or denies"))
    }
}
