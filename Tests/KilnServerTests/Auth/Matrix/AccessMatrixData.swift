import FHIRModel

/// The data of the matrix servers, stored with a `system/*.cruds` backend token.
///
/// Two patients: p1, whom the patient role is, whom the clinician is assigned and who is the
/// launch patient of every `patient/` scope cell; and p2-canary, whose every id contains
/// "canary" and whose every resource contains the word "zebrafinch". Each has two Observations
/// (laboratory, vital-signs), a DiagnosticReport whose result is the laboratory Observation, a
/// Provenance targeting that Observation and the patient, and a Consent. One Practitioner, gp,
/// lies outside every compartment and is both patients' general practitioner. The laboratory
/// Observations have two versions; everything else has one.
enum AccessMatrixData {
    static let records: [String] = [
        #"{"resourceType": "Practitioner", "id": "gp", "name": [{"family": "Shared"}]}"#,
        MatrixBody.patient(id: "p1", family: "Visible"),
        MatrixBody.patient(id: "p2-canary", family: "Zebrafinch"),
        MatrixBody.observation("p1", id: "obs-p1-lab"),
        MatrixBody.observation("p1", id: "obs-p1-vital", category: "vital-signs"),
        MatrixBody.observation("p2-canary", id: "obs-p2-canary-lab", marker: true),
        MatrixBody.observation("p2-canary", id: "obs-p2-canary-vital", category: "vital-signs", marker: true),
        report(id: "rep-p1", patient: "p1", result: "obs-p1-lab"),
        report(id: "rep-p2-canary", patient: "p2-canary", result: "obs-p2-canary-lab", conclusion: "zebrafinch"),
        provenance(id: "prov-p1", patient: "p1", target: "obs-p1-lab"),
        provenance(id: "prov-p2-canary", patient: "p2-canary", target: "obs-p2-canary-lab", activity: "zebrafinch"),
        consent(id: "consent-p1", patient: "p1"),
        consent(id: "consent-p2-canary", patient: "p2-canary", text: "zebrafinch"),
    ]

    static let secondVersions: [String] = [
        MatrixBody.observation("p1", id: "obs-p1-lab"),
        MatrixBody.observation("p2-canary", id: "obs-p2-canary-lab", marker: true),
    ]

    /// Kiln's Provenance of each write of the records (``WriteRecord``): one per version stored,
    /// none of the two Provenance records themselves.
    static let writeRecords: [String] = {
        let created = records.map(resourceJSON).filter { $0["resourceType"] != "Provenance" }.compactMap(AccessMatrixFixture.reference)
        return WriteRecord.created(created) + secondVersionRecords
    }()

    /// Kiln's Provenance of the second versions of the laboratory Observations.
    static let secondVersionRecords = [
        WriteRecord.name(of: "Observation/obs-p1-lab/_history/2"), WriteRecord.name(of: "Observation/obs-p2-canary-lab/_history/2"),
    ]

    /// The write records in p1's compartment: a Provenance is in the compartment of the
    /// Patients it targets (R4's `Provenance.patient`), so only the one of Patient/p1's write.
    static let p1WriteRecords = [WriteRecord.name(of: "Patient/p1/_history/1")]

    /// The resources the write cells change or must leave alone. Each destructive cell has a
    /// target of its own, so the cells can run in any order and at once.
    static let writeTargets: [String] = [
        // Updated and patched by every caller allowed to (stays laboratory, stays p1's).
        MatrixBody.observation("p1", id: "obs-p1-upd"),
        // Refused updates, patches and deletes: must stay at version 1.
        MatrixBody.observation("p1", id: "obs-p1-move"),
        MatrixBody.observation("p1", id: "obs-p1-keep"),
        MatrixBody.observation("p2-canary", id: "obs-p2-canary-upd", marker: true),
        MatrixBody.observation("p2-canary", id: "obs-p2-canary-del", marker: true),
        // Changed by unconfined callers, one target each.
        MatrixBody.observation("p2-canary", id: "obs-p2-canary-admin-upd", marker: true),
        MatrixBody.observation("p2-canary", id: "obs-p2-canary-admin-patch", marker: true),
        MatrixBody.observation("p2-canary", id: "obs-p2-canary-system-upd", marker: true),
        MatrixBody.observation("p2-canary", id: "obs-p2-canary-admin-del", marker: true),
        // Deleted by one cell each.
        MatrixBody.observation("p1", id: "obs-p1-del-patient"),
        MatrixBody.observation("p1", id: "obs-p1-del-patient-v1"),
        MatrixBody.observation("p1", id: "obs-p1-del-clinician"),
        MatrixBody.observation("p1", id: "obs-p1-del-admin"),
        MatrixBody.observation("p1", id: "obs-p1-del-system"),
        MatrixBody.observation("p1", id: "obs-p1-del-batch"),
        // Conditional update and delete: criteria that match only the hidden patient's resource…
        MatrixBody.observation("p2-canary", id: "obs-p2-canary-cond", identifier: "cond-canary", marker: true),
        // …or one of the unconfined callers' own targets…
        MatrixBody.observation("p2-canary", id: "obs-p2-canary-cond-admin-upd", identifier: "cond-canary-admin-upd", marker: true),
        MatrixBody.observation("p2-canary", id: "obs-p2-canary-cond-admin-del", identifier: "cond-canary-admin-del", marker: true),
        MatrixBody.observation("p2-canary", id: "obs-p2-canary-cond-system-upd", identifier: "cond-canary-system-upd", marker: true),
        // …or the confined callers' own ones.
        MatrixBody.observation("p1", id: "obs-p1-cond-patient-upd", identifier: "cond-patient-upd"),
        MatrixBody.observation("p1", id: "obs-p1-cond-clinician-upd", identifier: "cond-clinician-upd"),
        MatrixBody.observation("p1", id: "obs-p1-cond-patient-del", identifier: "cond-patient-del"),
        MatrixBody.observation("p1", id: "obs-p1-cond-clinician-del", identifier: "cond-clinician-del"),
        MatrixBody.observation("p1", id: "obs-p1-cond-keep", identifier: "cond-keep"),
        // Deleted again right after it is stored.
        MatrixBody.observation("p2-canary", id: "obs-p2-canary-deleted", marker: true),
        // Moved between compartments, or to another category, by their second version.
        MatrixBody.condition("p2-canary", id: "cond-moved-to-p1", marker: true),
        MatrixBody.condition("p1", id: "cond-moved-to-canary"),
        MatrixBody.observation("p1", id: "obs-p1-recategorised", category: "vital-signs"),
    ]

    /// The second versions of the moved write targets.
    static let writeTargetSecondVersions: [String] = [
        MatrixBody.condition("p1", id: "cond-moved-to-p1"),
        MatrixBody.condition("p2-canary", id: "cond-moved-to-canary", marker: true),
        MatrixBody.observation("p1", id: "obs-p1-recategorised"),
    ]

    /// Write targets deleted after they are stored.
    static let deletedWriteTargets = ["Observation/obs-p2-canary-deleted"]

    static func report(id: String, patient: String, result: String, conclusion: String? = nil) -> String {
        let conclusionMember = conclusion.map { #", "conclusion": "\#($0)""# } ?? ""
        return """
            {"resourceType": "DiagnosticReport", "id": "\(id)", "status": "final",
             "code": {"coding": [{"system": "http://loinc.org", "code": "24323-8"}]},
             "subject": {"reference": "Patient/\(patient)"}, "result": [{"reference": "Observation/\(result)"}]\(conclusionMember)}
            """
    }

    static func provenance(id: String, patient: String, target: String, activity: String? = nil) -> String {
        let activityMember = activity.map { #", "activity": {"text": "\#($0)"}"# } ?? ""
        return """
            {"resourceType": "Provenance", "id": "\(id)", "recorded": "2024-05-01T10:00:00Z",
             "target": [{"reference": "Observation/\(target)"}, {"reference": "Patient/\(patient)"}],
             "agent": [{"who": {"reference": "Practitioner/gp"}}]\(activityMember)}
            """
    }

    static func consent(id: String, patient: String, text: String? = nil) -> String {
        let textMember = text.map { #", "text": "\#($0)""# } ?? ""
        return """
            {"resourceType": "Consent", "id": "\(id)", "status": "active",
             "scope": {"coding": [{"system": "http://terminology.hl7.org/CodeSystem/consentscope", "code": "patient-privacy"}]},
             "category": [{"coding": [{"system": "http://loinc.org", "code": "59284-0"}]\(textMember)}],
             "patient": {"reference": "Patient/\(patient)"},
             "policyRule": {"coding": [{"system": "http://terminology.hl7.org/CodeSystem/v3-ActCode", "code": "OPTIN"}]}}
            """
    }
}
