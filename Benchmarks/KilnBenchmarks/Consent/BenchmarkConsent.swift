import FHIRModel

/// The Consents of the consent benchmark: one of seven kinds per consenting patient, in turn, the
/// kinds the consent matrix tests use.
enum BenchmarkConsent {
    /// The kinds, in the order they are handed out.
    enum Kind: Int, CaseIterable, Sendable, Codable {
        /// Opt-out of every care purpose.
        case optOut
        /// Opt-in, with the benchmark's clinician denied.
        case denyPractitioner
        /// About another organization only: deny it.
        case denyOrganization
        /// Opt-in, with a security label denied.
        case denyLabel
        /// Opt-in, with the data of 2018 denied.
        case denyDataPeriod
        /// Opt-in, with one Observation denied.
        case denyResource
        /// Opt-in to research (not a candidate for care purposes).
        case researchOptIn

        /// A name for the report.
        var name: String {
            switch self {
            case .optOut: "opt-out"
            case .denyPractitioner: "deny the clinician"
            case .denyOrganization: "deny another organization"
            case .denyLabel: "deny a security label"
            case .denyDataPeriod: "deny a data period"
            case .denyResource: "deny one resource"
            case .researchOptIn: "research opt-in"
            }
        }
    }

    /// The clinician whose searches are measured.
    static let clinician = "Practitioner/bench-clinician"
    /// The organization the clinician and the system client act for.
    static let organization = "Organization/bench-hospital"

    private static let privacy = #""scope": {"coding": [{"system": "http://terminology.hl7.org/CodeSystem/consentscope", "code": "patient-privacy"}]}, "category": [{"coding": [{"system": "http://loinc.org", "code": "59284-0"}]}]"#
    private static let optIn = #""policyRule": {"coding": [{"system": "http://terminology.hl7.org/CodeSystem/v3-ActCode", "code": "OPTIN"}]}"#
    private static let optOut = #""policyRule": {"coding": [{"system": "http://terminology.hl7.org/CodeSystem/v3-ActCode", "code": "OPTOUT"}]}"#
    private static let role = #""role": {"coding": [{"system": "http://terminology.hl7.org/CodeSystem/v3-ParticipationType", "code": "PRCP"}]}"#

    /// The Consent of `kind` for `patientID`; `observationID` is the one a resource denial names.
    static func make(_ kind: Kind, patientID: String, observationID: String) throws -> JSONValue {
        let body: String
        switch kind {
        case .optOut:
            body = "\(privacy), \(optOut)"
        case .denyPractitioner:
            body = #"\#(privacy), \#(optIn), "provision": {"type": "permit", "provision": [{"type": "deny", "actor": [{\#(role), "reference": {"reference": "\#(clinician)"}}]}]}"#
        case .denyOrganization:
            body = #"\#(privacy), \#(optIn), "provision": {"type": "deny", "actor": [{\#(role), "reference": {"reference": "Organization/bench-elsewhere"}}]}"#
        case .denyLabel:
            body = #"\#(privacy), \#(optIn), "provision": {"type": "permit", "provision": [{"type": "deny", "securityLabel": [{"system": "http://terminology.hl7.org/CodeSystem/v3-ActCode", "code": "PSY"}]}]}"#
        case .denyDataPeriod:
            body = #"\#(privacy), \#(optIn), "provision": {"type": "permit", "provision": [{"type": "deny", "dataPeriod": {"start": "2018-01-01", "end": "2018-12-31"}}]}"#
        case .denyResource:
            body = #"\#(privacy), \#(optIn), "provision": {"type": "permit", "provision": [{"type": "deny", "data": [{"meaning": "instance", "reference": {"reference": "Observation/\#(observationID)"}}]}]}"#
        case .researchOptIn:
            body = #""scope": {"coding": [{"system": "http://terminology.hl7.org/CodeSystem/consentscope", "code": "research"}]}, "category": [{"coding": [{"system": "http://terminology.hl7.org/CodeSystem/consentcategorycodes", "code": "research"}]}], \#(optIn)"#
        }
        return try JSONParser().parse(#"{"resourceType": "Consent", "status": "active", "patient": {"reference": "Patient/\#(patientID)"}, "dateTime": "2025-01-01", \#(body)}"#)
    }
}
