import FHIRConsent
import FHIRModel
import Foundation
import Testing

/// The evaluator's rules, each case a Consent as a client writes it, decided without a database.
@Suite("Consent evaluation")
struct ConsentEvaluatorTests {
    typealias F = ConsentFixtures

    @Test("Candidates: an active opt-in permits, against a denying default")
    func activeOptInPermits() {
        let decision = F.decide([F.consent()], permitsByDefault: false)
        #expect(decision.permits)
        #expect(decision.basis == .root(consent: "Consent/c1"))
    }

    @Test("Candidates: a privacy Consent without a category applies to treatment and its opt-in permits")
    func consentWithoutCategoryPermits() {
        let decision = F.decide([F.consent(category: nil)], permitsByDefault: false)
        #expect(decision.permits)
        #expect(decision.basis == .root(consent: "Consent/c1"))
    }

    @Test("Candidates: a consentscope code in category[0] is read as the scope")
    func scopeInFirstCategory() {
        let consent = F.consent(scope: #""scope": {"text": "see category"}"#,
                                category: #""category": [{"coding": [{"system": "http://terminology.hl7.org/CodeSystem/consentscope", "code": "patient-privacy"}]}]"#,
                                policy: F.optOut)
        let decision = F.decide([consent])
        #expect(!decision.permits)
        #expect(decision.basis == .root(consent: "Consent/c1"))
    }

    @Test("Candidates: an expired Consent is not applicable")
    func expiredConsentIsNotApplicable() {
        let decision = F.decide([F.consent(policy: F.optOut, provision: #"{"period": {"start": "2020-01-01", "end": "2025-12-31"}}"#)])
        #expect(decision.permits)
        #expect(decision.basis == .defaultForPurpose)
        #expect(decision.notApplied.first?.reason == "its period has ended")
    }

    @Test("Candidates: a Consent not yet in force is not applicable")
    func notYetValidConsentIsNotApplicable() {
        let decision = F.decide([F.consent(policy: F.optOut, provision: #"{"period": {"start": "2027-01"}}"#)])
        #expect(decision.basis == .defaultForPurpose)
        #expect(decision.notApplied.first?.reason == "its period has not begun")
    }

    @Test("Candidates: a period's end date covers its whole last day")
    func periodEndCoversTheLastDay() {
        let decision = F.decide([F.consent(policy: F.optOut, provision: #"{"period": {"end": "2026-06-01"}}"#)])
        #expect(decision.basis == .root(consent: "Consent/c1"))
        #expect(!decision.permits)
    }

    @Test("Nested provisions: a deny-listed recipient actor is denied, others permitted")
    func denyListedActorDenies() {
        let consent = F.consent(provision: #"{"type": "permit", "provision": [{"type": "deny", "actor": [\#(F.actor("Practitioner/7"))]}]}"#)
        let denied = F.decide([consent])
        #expect(!denied.permits)
        #expect(denied.basis == .provisions(consent: "Consent/c1", positions: [1]))
        let other = ConsentRequest(purpose: "TREAT", actors: ["Practitioner/8"], actions: ["access"])
        #expect(F.decide([consent], other, permitsByDefault: false).permits)
    }

    @Test("Nested provisions: an Organization actor matches a caller acting for it")
    func organizationActorMatchesThroughTheCallersOrganization() {
        let consent = F.consent(provision: #"{"type": "permit", "provision": [{"type": "deny", "actor": [\#(F.actor("Organization/1"))]}]}"#)
        #expect(!F.decide([consent]).permits)
        let elsewhere = ConsentRequest(purpose: "TREAT", actors: ["Practitioner/7", "Organization/2"], actions: ["access"])
        #expect(F.decide([consent], elsewhere).permits)
    }

    @Test("Nested provisions: a Practitioner actor given as an absolute URL matches")
    func practitionerActorMatches() {
        let consent = F.consent(provision: #"{"type": "permit", "provision": [{"type": "deny", "actor": [\#(F.actor("https://ehr.example/fhir/Practitioner/7"))]}]}"#)
        #expect(!F.decide([consent]).permits)
    }

    @Test("Nested provisions: a client registration named by its client id matches")
    func clientActorMatches() {
        let actor = #"{"role": {"coding": [{"code": "IRCP"}]}, "reference": {"identifier": {"system": "urn:kiln:client-id", "value": "app-1"}}}"#
        let consent = F.consent(provision: #"{"type": "permit", "provision": [{"type": "deny", "actor": [\#(actor)]}]}"#)
        let app = ConsentRequest(purpose: "TREAT", actors: [ConsentActor.client("app-1")], actions: ["access"])
        #expect(!F.decide([consent], app).permits)
        #expect(F.decide([consent]).permits)
    }

    @Test("Nested provisions: a deny-listed purpose is denied")
    func denyListedPurposeDenies() {
        let consent = F.consent(provision: #"{"type": "permit", "provision": [{"type": "deny", "purpose": [\#(F.purpose("HOPERAT"))]}]}"#)
        #expect(!F.decide([consent], ConsentRequest(purpose: "HOPERAT", actors: [], actions: ["access"])).permits)
        #expect(F.decide([consent]).permits)
    }

    @Test("Resource criteria: a security-label deny hides labelled resources only")
    func securityLabelDenies() {
        let consent = F.consent(provision: #"{"type": "permit", "provision": [{"type": "deny", "securityLabel": [\#(F.label("PSY"))]}]}"#)
        var labelled = F.observation
        labelled.securityLabels = ["\(F.labelSystem)|PSY"]
        #expect(!F.decide([consent], resource: labelled).permits)
        #expect(F.decide([consent]).permits)
    }

    @Test("Resource criteria: several labels in one provision match any one of them")
    func severalLabelsMatchAnyOne() {
        let consent = F.consent(provision: #"{"type": "permit", "provision": [{"type": "deny", "securityLabel": [\#(F.label("PSY")), \#(F.label("HIV"))]}]}"#)
        var labelled = F.observation
        labelled.securityLabels = ["\(F.labelSystem)|HIV"]
        #expect(!F.decide([consent], resource: labelled).permits)
    }

    @Test("Resource criteria: an array of label provisions, each deciding for its own label")
    func arrayOfLabelProvisions() {
        let consent = F.consent(provision: #"{"type": "permit", "provision": [{"type": "deny", "securityLabel": [\#(F.label("PSY"))]}, {"type": "deny", "securityLabel": [\#(F.label("ETH"))]}]}"#)
        var psychiatric = F.observation
        psychiatric.securityLabels = ["\(F.labelSystem)|PSY"]
        var substance = F.observation
        substance.securityLabels = ["\(F.labelSystem)|ETH"]
        #expect(F.decide([consent], resource: psychiatric).basis == .provisions(consent: "Consent/c1", positions: [1]))
        #expect(F.decide([consent], resource: substance).basis == .provisions(consent: "Consent/c1", positions: [2]))
        #expect(!F.decide([consent], resource: substance).permits)
        #expect(F.decide([consent]).permits)
    }

    @Test("Resource criteria: label and class in one provision must both match")
    func labelAndClassProvision() {
        let consent = F.consent(provision: #"{"type": "permit", "provision": [{"type": "deny", "securityLabel": [\#(F.label("PSY"))], "class": [{"system": "http://hl7.org/fhir/resource-types", "code": "DiagnosticReport"}]}]}"#)
        var labelledObservation = F.observation
        labelledObservation.securityLabels = ["\(F.labelSystem)|PSY"]
        var labelledReport = labelledObservation
        labelledReport.type = "DiagnosticReport"
        #expect(F.decide([consent], resource: labelledObservation).permits)
        #expect(!F.decide([consent], resource: labelledReport).permits)
    }

    @Test("Resource criteria: a class provision matches the type or a profile")
    func classProvision() {
        let consent = F.consent(provision: #"{"type": "permit", "provision": [{"type": "deny", "class": [{"system": "http://hl7.org/fhir/resource-types", "code": "Observation"}, {"code": "http://example.org/StructureDefinition/genomics"}]}]}"#)
        #expect(!F.decide([consent]).permits)
        let report = ConsentResourceFacts(type: "DiagnosticReport", id: "d1")
        #expect(F.decide([consent], resource: report).permits)
        let profiled = ConsentResourceFacts(type: "DiagnosticReport", id: "d2", profiles: ["http://example.org/StructureDefinition/genomics"])
        #expect(!F.decide([consent], resource: profiled).permits)
    }

    @Test("Resource criteria: a clinical-code provision matches the resource's code")
    func clinicalCodeProvision() {
        let consent = F.consent(provision: #"{"type": "permit", "provision": [{"type": "deny", "code": [{"coding": [{"system": "http://loinc.org", "code": "1234-5"}]}]}]}"#)
        #expect(!F.decide([consent]).permits)
        var other = F.observation
        other.codes = ["http://loinc.org|9999-9"]
        #expect(F.decide([consent], resource: other).permits)
    }

    @Test("Resource criteria: a data period matches resources whose clinical date overlaps it")
    func dataPeriodProvision() {
        let consent = F.consent(provision: #"{"type": "permit", "provision": [{"type": "deny", "dataPeriod": {"start": "2020-01-01", "end": "2020-12-31"}}]}"#)
        #expect(!F.decide([consent]).permits)
        var later = F.observation
        later.clinicalPeriods = [ClinicalPeriod(start: FHIRInstant.parse("2021-03-01"), end: FHIRInstant.parse("2021-03-02"))]
        #expect(F.decide([consent], resource: later).permits)
        var undated = F.observation
        undated.clinicalPeriods = []
        #expect(F.decide([consent], resource: undated).permits)
    }

    @Test("Resource criteria: data meanings instance, related, dependents and authoredby")
    func dataMeanings() {
        func deny(_ meaning: String, _ reference: String) -> JSONValue {
            F.consent(provision: #"{"type": "permit", "provision": [{"type": "deny", "data": [{"meaning": "\#(meaning)", "reference": {"reference": "\#(reference)"}}]}]}"#)
        }
        #expect(!F.decide([deny("instance", "Observation/o1")]).permits)
        #expect(F.decide([deny("instance", "Observation/o2")]).permits)
        var referredTo = F.observation
        referredTo.referrers = ["DiagnosticReport/d1"]
        #expect(!F.decide([deny("related", "DiagnosticReport/d1")], resource: referredTo).permits)
        #expect(F.decide([deny("related", "DiagnosticReport/d1")]).permits)
        #expect(!F.decide([deny("dependents", "Practitioner/3")]).permits)
        #expect(!F.decide([deny("authoredby", "Practitioner/3")]).permits)
        #expect(F.decide([deny("authoredby", "Practitioner/4")]).permits)
    }

    @Test("Root criteria: a root purpose that does not match makes the Consent not applicable")
    func rootPurposeMismatchIsNotApplicable() {
        let consent = F.consent(policy: F.optOut, provision: #"{"purpose": [\#(F.purpose("HRESCH"))]}"#)
        let decision = F.decide([consent])
        #expect(decision.basis == .defaultForPurpose)
        #expect(decision.notApplied.first?.reason.contains("HRESCH") == true)
    }

    @Test("Root criteria: a root purpose that matches decides")
    func rootPurposeMatches() {
        let consent = F.consent(policy: F.optOut, provision: #"{"purpose": [\#(F.purpose("HRESCH"))]}"#)
        let decision = F.decide([consent], F.researcher, permitsByDefault: true)
        #expect(!decision.permits)
        #expect(decision.basis == .root(consent: "Consent/c1"))
    }

    @Test("Root criteria: one of several root purposes matching suffices")
    func oneOfSeveralPurposesMatches() {
        let consent = F.consent(policy: F.optOut, provision: #"{"purpose": [\#(F.purpose("HOPERAT")), \#(F.purpose("TREAT"))]}"#)
        #expect(!F.decide([consent]).permits)
    }

    @Test("Root criteria: a root actor makes the Consent apply to that actor only")
    func rootActorScopesTheConsent() {
        let consent = F.consent(provision: #"{"type": "deny", "actor": [\#(F.actor("Organization/1"))], "action": [{"coding": [{"system": "http://terminology.hl7.org/CodeSystem/consentaction", "code": "access"}]}]}"#)
        #expect(!F.decide([consent]).permits)
        #expect(F.decide([consent], ConsentRequest(purpose: "TREAT", actors: ["Organization/2"], actions: ["access"])).basis == .defaultForPurpose)
        #expect(F.decide([consent], ConsentRequest(purpose: "TREAT", actors: ["Organization/1"], actions: ["correct"])).basis == .defaultForPurpose)
    }

    @Test("Root criteria: root resource criteria make the Consent apply to those resources only")
    func rootResourceCriteriaScopeTheConsent() {
        let consent = F.consent(policy: F.optOut, provision: #"{"data": [{"meaning": "instance", "reference": {"reference": "Observation/o1"}}]}"#)
        #expect(!F.decide([consent]).permits)
        #expect(F.decide([consent], resource: ConsentResourceFacts(type: "Observation", id: "o2")).basis == .defaultForPurpose)
        #expect(F.decide([consent], resource: nil).basis == .defaultForPurpose)
    }

    @Test("Default: no active Consent leaves the purpose's default")
    func noActiveConsentIsTheDefault() {
        #expect(F.decide([], permitsByDefault: true) == ConsentDecision(permits: true, basis: .defaultForPurpose, notApplied: []))
        #expect(!F.decide([], F.researcher, permitsByDefault: false).permits)
    }

    @Test("Candidates: a Consent of another scope is not applicable")
    func anotherScopeIsNotApplicable() {
        let advance = F.consent(scope: #""scope": {"coding": [{"system": "http://terminology.hl7.org/CodeSystem/consentscope", "code": "adr"}]}"#, policy: F.optOut)
        #expect(F.decide([advance]).basis == .defaultForPurpose)
        let research = F.consent(scope: F.researchScope, policy: F.optOut)
        #expect(F.decide([research]).basis == .defaultForPurpose)
        #expect(!F.decide([research], F.researcher).permits)
    }

    @Test("Candidates: inactive and entered-in-error Consents are ignored")
    func inactiveAndEnteredInErrorAreIgnored() {
        let decision = F.decide([F.consent(status: "inactive", policy: F.optOut), F.consent(status: "entered-in-error", policy: F.optOut)])
        #expect(decision.permits)
        #expect(decision.basis == .defaultForPurpose)
        #expect(decision.notApplied.map(\.reason) == ["its status is inactive, not active", "its status is entered-in-error, not active"])
    }

    @Test("Most recent wins: a newer opt-out beats an older opt-in")
    func newerOptOutBeatsOlderOptIn() {
        let decision = F.decide([F.consent(dateTime: "2025-01-01", policy: F.optIn), F.consent(dateTime: "2026-02-01", policy: F.optOut)])
        #expect(!decision.permits)
        #expect(decision.basis == .root(consent: "Consent/c2"))
        #expect(decision.notApplied.first?.consent == "Consent/c1")
    }

    @Test("Most recent wins: Consents recorded at the same time deny")
    func tieDenies() {
        let decision = F.decide([F.consent(policy: F.optIn), F.consent(policy: F.optIn)])
        #expect(!decision.permits)
        #expect(decision.basis == .tie(consents: ["Consent/c1", "Consent/c2"]))
    }

    @Test("Nested provisions: matching siblings that disagree deny")
    func disagreeingSiblingsDeny() {
        let consent = F.consent(policy: F.optOut, provision: #"{"provision": [{"type": "permit", "actor": [\#(F.actor("Practitioner/7"))]}, {"type": "deny", "code": [{"coding": [{"system": "http://loinc.org", "code": "1234-5"}]}]}]}"#)
        let decision = F.decide([consent])
        #expect(!decision.permits)
        #expect(decision.basis == .provisions(consent: "Consent/c1", positions: [1, 2]))
        var other = F.observation
        other.codes = []
        #expect(F.decide([consent], resource: other).permits)
    }

    @Test("Research: a privacy Consent about research governs HRESCH; a treatment opt-out does not")
    func researchCategoryGovernsResearch() {
        let optOut = F.consent(category: #""category": [{"coding": [{"system": "http://terminology.hl7.org/CodeSystem/consentcategorycodes", "code": "research"}]}]"#,
                               policy: F.optOut, provision: #"{"purpose": [\#(F.purpose("HRESCH"))]}"#)
        #expect(!F.decide([optOut], F.researcher).permits)
        let loinc = F.consent(policy: F.optOut, provision: #"{"purpose": [\#(F.purpose("HRESCH"))]}"#)
        #expect(!F.decide([loinc], F.researcher).permits)
        let care = F.consent(policy: F.optOut)
        #expect(F.decide([care], F.researcher).basis == .defaultForPurpose)
    }

    @Test("Explanation: names the decision, the deciding Consent and why others did not apply")
    func explanationLines() {
        let decision = F.decide([F.consent(status: "draft"), F.consent(policy: F.optOut)])
        #expect(decision.explanation == [
            "Decision: deny",
            "Decided by: Consent/c2, its root provision",
            "Not applied: Consent/c1: its status is draft, not active",
        ])
    }
}
