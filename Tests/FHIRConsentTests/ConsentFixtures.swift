import FHIRConsent
import FHIRModel
import Foundation

/// Consents written as JSON, the way a client posts them, for the evaluator and rule tests.
enum ConsentFixtures {
    static let now = FHIRInstant.parse("2026-06-01T12:00:00Z") ?? Date()

    static func json(_ text: String) -> JSONValue {
        (try? JSONParser().parse(text)) ?? .null
    }

    static let privacyScope = #""scope": {"coding": [{"system": "http://terminology.hl7.org/CodeSystem/consentscope", "code": "patient-privacy"}]}"#
    static let researchScope = #""scope": {"coding": [{"system": "http://terminology.hl7.org/CodeSystem/consentscope", "code": "research"}]}"#
    static let loincCategory = #""category": [{"coding": [{"system": "http://loinc.org", "code": "59284-0"}]}]"#
    static let optIn = #""policyRule": {"coding": [{"system": "http://terminology.hl7.org/CodeSystem/v3-ActCode", "code": "OPTIN"}]}"#
    static let optOut = #""policyRule": {"coding": [{"system": "http://terminology.hl7.org/CodeSystem/v3-ActCode", "code": "OPTOUT"}]}"#

    /// A Consent of patient 1: `parts` are extra top-level members; `provision` the provision.
    static func consent(status: String = "active", dateTime: String = "2026-01-01", scope: String = privacyScope, category: String? = loincCategory,
                        policy: String = optIn, provision: String? = nil) -> JSONValue {
        var members = [#""resourceType": "Consent""#, #""status": "\#(status)""#, scope, #""patient": {"reference": "Patient/1"}"#,
                       #""dateTime": "\#(dateTime)""#, policy]
        if let category { members.append(category) }
        if let provision { members.append(#""provision": \#(provision)"#) }
        return json("{" + members.joined(separator: ", ") + "}")
    }

    static func actor(_ reference: String) -> String {
        #"{"role": {"coding": [{"system": "http://terminology.hl7.org/CodeSystem/v3-ParticipationType", "code": "PRCP"}]}, "reference": {"reference": "\#(reference)"}}"#
    }

    static func purpose(_ code: String) -> String {
        #"{"system": "http://terminology.hl7.org/CodeSystem/v3-ActReason", "code": "\#(code)"}"#
    }

    static func label(_ code: String) -> String {
        #"{"system": "http://terminology.hl7.org/CodeSystem/v3-ActCode", "code": "\#(code)"}"#
    }

    static let labelSystem = "http://terminology.hl7.org/CodeSystem/v3-ActCode"

    static func candidate(_ consent: JSONValue, id: String = "c1") -> ConsentCandidate {
        ConsentCandidate(reference: "Consent/\(id)", compilation: ConsentCompiler.compile(consent))
    }

    static let clinician = ConsentRequest(purpose: "TREAT", actors: ["Practitioner/7", "Organization/1"], actions: ["access"])
    static let researcher = ConsentRequest(purpose: "HRESCH", actors: ["Practitioner/9"], actions: ["access"])

    static let observation = ConsentResourceFacts(type: "Observation", id: "o1", codes: ["http://loinc.org|1234-5"],
                                                  clinicalPeriods: [ClinicalPeriod(start: FHIRInstant.parse("2020-05-01"), end: FHIRInstant.parse("2020-05-02"))],
                                                  references: ["Patient/1", "Practitioner/3"], authors: ["Practitioner/3"])

    static func decide(_ consents: [JSONValue], _ request: ConsentRequest = clinician, resource: ConsentResourceFacts? = observation,
                       permitsByDefault: Bool = true) -> ConsentDecision {
        let candidates = consents.enumerated().map { candidate($0.element, id: "c\($0.offset + 1)") }
        return ConsentEvaluator.decide(candidates, request: request, resource: resource, now: now, permitsByDefault: permitsByDefault)
    }
}
