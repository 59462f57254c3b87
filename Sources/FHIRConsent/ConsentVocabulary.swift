/// The code systems and codes the Consent rules read.
public enum ConsentVocabulary {
    /// http://terminology.hl7.org/CodeSystem/consentscope.
    public static let scopeSystem = "http://terminology.hl7.org/CodeSystem/consentscope"
    /// http://terminology.hl7.org/CodeSystem/consentcategorycodes.
    public static let categorySystem = "http://terminology.hl7.org/CodeSystem/consentcategorycodes"
    /// http://terminology.hl7.org/CodeSystem/v3-ActCode (policy rules OPTIN, OPTOUT, …).
    public static let actCodeSystem = "http://terminology.hl7.org/CodeSystem/v3-ActCode"
    /// http://terminology.hl7.org/CodeSystem/v3-ActReason (purposes of use).
    public static let purposeSystem = "http://terminology.hl7.org/CodeSystem/v3-ActReason"
    /// http://terminology.hl7.org/CodeSystem/consentaction.
    public static let actionSystem = "http://terminology.hl7.org/CodeSystem/consentaction"
    /// http://loinc.org.
    public static let loinc = "http://loinc.org"
    /// LOINC 59284-0, "Patient Consent".
    public static let loincPatientConsent = "59284-0"

    /// The purposes a `patient-privacy` or `treatment` Consent governs: treatment, emergency
    /// treatment, operations and the patient's own requests.
    public static let carePurposes = ["ETREAT", "HOPERAT", "PATRQT", "TREAT"]
    /// The purpose of use of research.
    public static let researchPurpose = "HRESCH"
    /// Category codes (consentcategorycodes) that make a privacy Consent one about research.
    public static let researchCategories: Set<String> = ["research", "rsdid", "rsreid"]
    /// Policy rules that permit by default.
    public static let optIn: Set<String> = ["OPTIN", "OPTINR"]
    /// Policy rules that deny by default.
    public static let optOut: Set<String> = ["OPTOUT", "OPTOUTE"]
    /// The elements a provision may have; any other is refused on write.
    public static let provisionElements: Set<String> = [
        "id", "extension", "modifierExtension", "type", "period", "actor", "action", "securityLabel",
        "purpose", "class", "code", "dataPeriod", "data", "provision",
    ]
}
