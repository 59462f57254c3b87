public import FHIRModel
import Foundation

/// What a stored Consent amounts to for enforcement: the rows it is compiled to, or why it
/// decides nothing.
public enum ConsentCompilation: Sendable, Hashable {
    /// The Consent is enforced as this.
    case enforced(CompiledConsent)
    /// The Consent decides nothing, for this reason (a sentence for a person).
    case inert(reason: String)
}

/// Compiles a Consent (JSON, already accepted by ``ConsentRules``) into a ``CompiledConsent``.
///
/// - Only `active` Consents are enforced; draft, proposed, rejected, inactive and
///   entered-in-error ones decide nothing.
/// - The purposes it governs come from its scope (or, as some Consents carry it, a
///   consentscope code in its category): `patient-privacy` and `treatment` govern TREAT, ETREAT,
///   HOPERAT and PATRQT; `research` governs HRESCH; `patient-privacy` governs HRESCH too when a
///   category says research (consentcategorycodes `research`, `rsdid`, `rsreid`, or LOINC
///   59284-0 with a provision whose purpose is HRESCH). Other scopes (`adr`) govern no access.
/// - The root decision is the root provision's type, else the policyRule (OPTIN, OPTINR →
///   permit; OPTOUT, OPTOUTE → deny); a Consent with neither decides nothing.
public enum ConsentCompiler {
    /// The compilation of `consent`.
    public static func compile(_ consent: JSONValue) -> ConsentCompilation {
        let status = consent["status"]?.stringValue ?? "(none)"
        guard status == "active" else { return .inert(reason: "its status is \(status), not active") }
        guard let reference = consent["patient"]?["reference"]?.stringValue, let patient = ConsentActor.key(reference: reference), patient.hasPrefix("Patient/") else {
            return .inert(reason: "it names no Patient on this server")
        }
        let purposes = purposesGoverned(by: consent)
        guard !purposes.isEmpty else { return .inert(reason: "its scope governs no purpose of access (only patient-privacy, treatment and research do)") }
        let root = consent["provision"] ?? .object(JSONObject())
        let base: Bool
        switch root["type"]?.stringValue {
        case "permit": base = true
        case "deny": base = false
        default:
            let rules = ConsentJSON.codes(ConsentJSON.codings(consent["policyRule"]), in: ConsentVocabulary.actCodeSystem)
            if rules.contains(where: ConsentVocabulary.optOut.contains) {
                base = false
            } else if rules.contains(where: ConsentVocabulary.optIn.contains) {
                base = true
            } else {
                return .inert(reason: "neither its root provision's type nor its policyRule (OPTIN or OPTOUT) says whether it permits or denies")
            }
        }
        let period = ConsentJSON.period(root["period"])
        let rootResources = resourceCriteria(of: root)
        return .enforced(CompiledConsent(
            patientID: String(patient.dropFirst("Patient/".count)),
            recorded: consent["dateTime"]?.stringValue.flatMap(FHIRInstant.parse),
            periodStart: period.start,
            periodEnd: period.end,
            purposesFor: purposes.sorted(),
            basePermit: base,
            rootPurposes: Self.purposes(of: root),
            rootActors: actors(of: root),
            rootActions: actions(of: root),
            rootResources: rootResources.isEmpty ? nil : rootResources,
            provisions: (root["provision"]?.arrayValue ?? []).map(provision)
        ))
    }

    /// The purposes of use whose requests `consent`'s scope and category suit.
    static func purposesGoverned(by consent: JSONValue) -> Set<String> {
        let categories = ConsentJSON.codings(consent["category"])
        var scopes = Set(ConsentJSON.codes(ConsentJSON.codings(consent["scope"]), in: ConsentVocabulary.scopeSystem))
        scopes.formUnion(categories.filter { $0.system == ConsentVocabulary.scopeSystem }.map(\.code))
        var purposes = Set<String>()
        if scopes.contains("patient-privacy") || scopes.contains("treatment") {
            purposes.formUnion(ConsentVocabulary.carePurposes)
        }
        if scopes.contains("research") {
            purposes.insert(ConsentVocabulary.researchPurpose)
        }
        if scopes.contains("patient-privacy") {
            let researchCategory = categories.contains { $0.system == ConsentVocabulary.categorySystem && ConsentVocabulary.researchCategories.contains($0.code) }
            let consentForm = categories.contains { $0.system == ConsentVocabulary.loinc && $0.code == ConsentVocabulary.loincPatientConsent }
            if researchCategory || (consentForm && statesResearchPurpose(consent["provision"])) {
                purposes.insert(ConsentVocabulary.researchPurpose)
            }
        }
        return purposes
    }

    private static func statesResearchPurpose(_ provision: JSONValue?) -> Bool {
        guard let provision else { return false }
        if purposes(of: provision).contains(ConsentVocabulary.researchPurpose) { return true }
        return (provision["provision"]?.arrayValue ?? []).contains { statesResearchPurpose($0) }
    }

    private static func provision(_ value: JSONValue) -> CompiledProvision {
        let period = ConsentJSON.period(value["period"])
        return CompiledProvision(
            permit: value["type"]?.stringValue == "permit",
            purposes: purposes(of: value),
            actors: actors(of: value),
            actions: actions(of: value),
            periodStart: period.start,
            periodEnd: period.end,
            resources: resourceCriteria(of: value)
        )
    }

    private static func purposes(of provision: JSONValue) -> [String] {
        let codings = (provision["purpose"]?.arrayValue ?? []).compactMap(ConsentJSON.coding)
        return Set(ConsentJSON.codes(codings, in: ConsentVocabulary.purposeSystem)).sorted()
    }

    private static func actors(of provision: JSONValue) -> [String] {
        Set((provision["actor"]?.arrayValue ?? []).compactMap { ConsentJSON.actor($0["reference"]) }).sorted()
    }

    private static func actions(of provision: JSONValue) -> [String] {
        Set(ConsentJSON.codes(ConsentJSON.codings(provision["action"]), in: ConsentVocabulary.actionSystem)).sorted()
    }

    private static func resourceCriteria(of provision: JSONValue) -> ResourceCriteria {
        let labels = (provision["securityLabel"]?.arrayValue ?? []).compactMap(ConsentJSON.coding).map { "\($0.system ?? "")|\($0.code)" }
        let classes = (provision["class"]?.arrayValue ?? []).compactMap(ConsentJSON.coding).map(\.code)
        let codes = ConsentJSON.codings(provision["code"]).map { "\($0.system ?? "")|\($0.code)" }
        var data: [String: [String]] = [:]
        for entry in provision["data"]?.arrayValue ?? [] {
            guard let meaning = entry["meaning"]?.stringValue,
                  let target = entry["reference"]?["reference"]?.stringValue.flatMap(ConsentActor.key(reference:)) else { continue }
            data[meaning, default: []].append(target)
        }
        let dataPeriod = ConsentJSON.period(provision["dataPeriod"])
        return ResourceCriteria(
            securityLabels: Set(labels).sorted(), classes: Set(classes).sorted(), codes: Set(codes).sorted(),
            hasDataPeriod: provision["dataPeriod"] != nil, dataPeriodStart: dataPeriod.start, dataPeriodEnd: dataPeriod.end,
            dataInstances: Set(data["instance"] ?? []).sorted(), dataRelated: Set(data["related"] ?? []).sorted(),
            dataDependents: Set(data["dependents"] ?? []).sorted(), dataAuthoredBy: Set(data["authoredby"] ?? []).sorted()
        )
    }
}
