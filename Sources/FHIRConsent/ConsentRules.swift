public import FHIRModel

/// The rules a Consent must keep to be stored, so that every stored Consent means one thing
/// when it is enforced. A write that breaks one is refused (422) naming the rule and the element.
///
/// - `ppc-1`: a policy or a policyRule.
/// - `ppc-2` … `ppc-5`: a Consent of scope `patient-privacy`, `research`, `adr` or `treatment`
///   names its patient. (R4 states these with a placeholder system, `'something'`; Kiln reads
///   them with http://terminology.hl7.org/CodeSystem/consentscope.)
/// - `kiln-consent-patient`: an active Consent of those scopes names its patient as a Patient
///   on this server (`Patient/ID`), so that it can be enforced.
/// - `kiln-consent-type`: a nested provision states its `type` (permit or deny); a type is
///   `permit` or `deny`.
/// - `kiln-consent-actor-role`: every actor has a `role` and names who it is (a reference or an
///   identifier).
/// - `kiln-consent-data-meaning`: every data entry has a `meaning` and a reference.
/// - `kiln-consent-depth`: provisions nest at most one level below the root (the IHE Privacy
///   Consent on FHIR limit); deeper nesting is refused rather than half-enforced.
/// - `kiln-consent-element`: a provision holds only the elements R4 defines for it.
/// - `kiln-consent-period`: every period bound is a date or date-time.
public enum ConsentRules {
    /// The scopes whose Consents must name a patient, with the invariant that says so.
    static let scopesNeedingPatient: [(code: String, rule: String)] = [
        ("patient-privacy", "ppc-2"), ("research", "ppc-3"), ("adr", "ppc-4"), ("treatment", "ppc-5"),
    ]

    /// Every rule `consent` breaks, in document order; empty when it may be stored.
    public static func violations(of consent: JSONValue) -> [ConsentRuleViolation] {
        var violations: [ConsentRuleViolation] = []
        if consent["policy"] == nil && consent["policyRule"] == nil {
            violations.append(ConsentRuleViolation(rule: "ppc-1", expression: "Consent",
                message: "A Consent needs a policy or a policyRule; add policyRule (for example OPTIN or OPTOUT of http://terminology.hl7.org/CodeSystem/v3-ActCode) or a policy with a uri"))
        }
        let scopes = ConsentJSON.codes(ConsentJSON.codings(consent["scope"]), in: ConsentVocabulary.scopeSystem)
        for (code, rule) in scopesNeedingPatient where scopes.contains(code) && consent["patient"] == nil {
            violations.append(ConsentRuleViolation(rule: rule, expression: "Consent.patient",
                message: "A Consent of scope '\(code)' must name its patient; add patient: {\"reference\": \"Patient/ID\"}"))
        }
        let enforceable = scopes.contains { ["patient-privacy", "research", "treatment"].contains($0) }
        if enforceable, consent["status"]?.stringValue == "active", let patient = consent["patient"] {
            let reference = patient["reference"]?.stringValue
            if reference.flatMap(ConsentActor.key(reference:))?.hasPrefix("Patient/") != true {
                violations.append(ConsentRuleViolation(rule: "kiln-consent-patient", expression: "Consent.patient",
                    message: "An active Consent is enforced for the patient it references; Consent.patient must reference a Patient on this server as Patient/ID"))
            }
        }
        if let provision = consent["provision"] {
            check(provision, at: "Consent.provision", depth: 0, into: &violations)
        }
        return violations
    }

    private static func check(_ provision: JSONValue, at path: String, depth: Int, into violations: inout [ConsentRuleViolation]) {
        guard let object = provision.objectValue else {
            violations.append(ConsentRuleViolation(rule: "kiln-consent-element", expression: path, message: "A provision must be a JSON object"))
            return
        }
        for key in object.keys where !ConsentVocabulary.provisionElements.contains(key) {
            violations.append(ConsentRuleViolation(rule: "kiln-consent-element", expression: "\(path).\(key)",
                message: "'\(key)' is not an element of Consent.provision; a provision has type, period, actor, action, securityLabel, purpose, class, code, dataPeriod, data and provision"))
        }
        if let type = provision["type"] {
            if type.stringValue != "permit" && type.stringValue != "deny" {
                violations.append(ConsentRuleViolation(rule: "kiln-consent-type", expression: "\(path).type", message: "A provision's type is 'permit' or 'deny'"))
            }
        } else if depth > 0 {
            violations.append(ConsentRuleViolation(rule: "kiln-consent-type", expression: "\(path).type",
                message: "A nested provision must state its type ('permit' or 'deny'): it is an exception to the provision above it"))
        }
        for (index, actor) in (provision["actor"]?.arrayValue ?? []).enumerated() {
            if ConsentJSON.codings(actor["role"]).isEmpty {
                violations.append(ConsentRuleViolation(rule: "kiln-consent-actor-role", expression: "\(path).actor[\(index)].role",
                    message: "Every actor needs a role (for example PRCP or IRCP of http://terminology.hl7.org/CodeSystem/v3-ParticipationType)"))
            }
            if ConsentJSON.actor(actor["reference"]) == nil {
                violations.append(ConsentRuleViolation(rule: "kiln-consent-actor-role", expression: "\(path).actor[\(index)].reference",
                    message: "Every actor must name who it is: a reference such as Practitioner/ID or Organization/ID, or an identifier with system and value"))
            }
        }
        for (index, data) in (provision["data"]?.arrayValue ?? []).enumerated() {
            if !["instance", "related", "dependents", "authoredby"].contains(data["meaning"]?.stringValue ?? "") {
                violations.append(ConsentRuleViolation(rule: "kiln-consent-data-meaning", expression: "\(path).data[\(index)].meaning",
                    message: "Every data entry needs a meaning: instance, related, dependents or authoredby"))
            }
            if data["reference"]?["reference"]?.stringValue.flatMap(ConsentActor.key(reference:)) == nil {
                violations.append(ConsentRuleViolation(rule: "kiln-consent-data-meaning", expression: "\(path).data[\(index)].reference",
                    message: "Every data entry must reference a resource as Type/ID"))
            }
        }
        for element in ["period", "dataPeriod"] where !ConsentJSON.period(provision[element]).valid {
            violations.append(ConsentRuleViolation(rule: "kiln-consent-period", expression: "\(path).\(element)",
                message: "The \(element)'s start and end must be dates or date-times (YYYY, YYYY-MM, YYYY-MM-DD or an instant)"))
        }
        let nested = provision["provision"]?.arrayValue ?? []
        if depth >= 1, !nested.isEmpty {
            violations.append(ConsentRuleViolation(rule: "kiln-consent-depth", expression: "\(path).provision",
                message: "Provisions nest at most one level below the root (the IHE Privacy Consent on FHIR limit); state this exception as another nested provision of the root instead"))
            return
        }
        for (index, child) in nested.enumerated() {
            check(child, at: "\(path).provision[\(index)]", depth: depth + 1, into: &violations)
        }
    }
}
