// The matrix rows of reads by id and history. Every expected answer is written by hand from
// the data in AccessMatrixData: p1 is the patient role's own record, the clinician's assigned
// patient and every launch patient but the ones named p2-canary.

/// The rows of the access matrix, per path.
enum AccessMatrixCases {
    /// The granular scope of the matrix: the launch patient's laboratory Observations.
    static let labOnly = "patient/Observation.rs?category=http://terminology.hl7.org/CodeSystem/observation-category|laboratory"
    /// The same for a system client.
    static let systemLabOnly = "system/Observation.rs?category=http://terminology.hl7.org/CodeSystem/observation-category|laboratory"

    /// Every version of p1's compartment and the Practitioner, as a history lists them.
    static let p1History = [
        "Practitioner/gp", "Patient/p1", "Observation/obs-p1-lab", "Observation/obs-p1-lab", "Observation/obs-p1-vital",
        "DiagnosticReport/rep-p1", "Provenance/prov-p1", "Consent/consent-p1",
    ] + AccessMatrixData.p1WriteRecords
    /// Every version of everything.
    static let allHistory = [
        "Practitioner/gp", "Patient/p1", "Observation/obs-p1-lab", "Observation/obs-p1-lab", "Observation/obs-p1-vital",
        "DiagnosticReport/rep-p1", "Provenance/prov-p1", "Consent/consent-p1",
        "Patient/p2-canary", "Observation/obs-p2-canary-lab", "Observation/obs-p2-canary-lab", "Observation/obs-p2-canary-vital",
        "DiagnosticReport/rep-p2-canary", "Provenance/prov-p2-canary", "Consent/consent-p2-canary",
    ] + AccessMatrixData.writeRecords

    // MARK: read — 40 cells

    static let read: [Cell] = [
        Cell(role: .patient, scopes: "patient/*.rs", launchPatient: "p1", request: .get("Observation/obs-p1-lab"), expect: .resource("Observation/obs-p1-lab")),
        Cell(role: .patient, scopes: "patient/*.rs", launchPatient: "p1", request: .get("Observation/obs-p2-canary-lab"), expect: .status(404)),
        Cell(role: .patient, scopes: "patient/*.read", launchPatient: "p1", request: .get("Patient/p1"), expect: .resource("Patient/p1")),
        Cell(role: .patient, scopes: "patient/*.read", launchPatient: "p1", request: .get("Patient/p2-canary"), expect: .status(404)),
        Cell(role: .patient, scopes: "patient/*.rs", launchPatient: "p1", request: .get("Practitioner/gp"), expect: .resource("Practitioner/gp")),
        Cell(role: .patient, scopes: "patient/Observation.rs", launchPatient: "p1", request: .get("Patient/p1"), expect: .status(403)),
        Cell(role: .patient, scopes: "patient/Observation.rs", launchPatient: "p1", request: .get("Observation/obs-p1-vital"), expect: .resource("Observation/obs-p1-vital")),
        Cell(role: .patient, scopes: "user/*.rs", request: .get("Observation/obs-p2-canary-lab"), expect: .status(404)),
        Cell(role: .patient, scopes: "user/*.rs", request: .get("Consent/consent-p1"), expect: .resource("Consent/consent-p1")),
        Cell(role: .patient, scopes: "patient/*.rs", launchPatient: "p2-canary", request: .get("Observation/obs-p2-canary-lab"), expect: .status(403)),
        Cell(role: .patient, scopes: labOnly, launchPatient: "p1", request: .get("Observation/obs-p1-vital"), expect: .status(404)),
        Cell(role: .patient, scopes: labOnly, launchPatient: "p1", request: .get("Observation/obs-p1-lab"), expect: .resource("Observation/obs-p1-lab")),
        Cell(role: .clinician, scopes: "user/*.rs", request: .get("Observation/obs-p1-lab"), expect: .resource("Observation/obs-p1-lab")),
        Cell(role: .clinician, scopes: "user/*.rs", request: .get("Observation/obs-p2-canary-lab"), expect: .status(404)),
        Cell(role: .clinician, scopes: "user/*.rs", request: .get("Patient/p2-canary"), expect: .status(404)),
        Cell(role: .clinician, scopes: "user/*.cruds", request: .get("DiagnosticReport/rep-p2-canary"), expect: .status(404)),
        Cell(role: .clinician, scopes: "patient/*.rs", launchPatient: "p1", request: .get("Patient/p1"), expect: .resource("Patient/p1")),
        Cell(role: .clinician, scopes: "patient/*.rs", launchPatient: "p2-canary", request: .get("Patient/p2-canary"), expect: .status(403)),
        Cell(role: .clinician, scopes: "system/*.rs", request: .get("Consent/consent-p2-canary"), expect: .status(404)),
        Cell(role: .clinician, scopes: "patient/Observation.rs", launchPatient: "p1", request: .get("DiagnosticReport/rep-p1"), expect: .status(403)),
        Cell(role: .clinician, scopes: "user/*.rs", request: .get("Provenance/prov-p2-canary"), expect: .status(404)),
        Cell(role: .dataSteward, scopes: "user/*.rs", request: .get("Observation/obs-p2-canary-lab"), expect: .resource("Observation/obs-p2-canary-lab")),
        Cell(role: .dataSteward, scopes: "system/*.rs", request: .get("Patient/p2-canary"), expect: .resource("Patient/p2-canary")),
        Cell(role: .dataSteward, scopes: "patient/*.rs", launchPatient: "p1", request: .get("Observation/obs-p2-canary-lab"), expect: .status(404)),
        Cell(role: .dataSteward, scopes: "patient/Observation.rs", launchPatient: "p1", request: .get("Practitioner/gp"), expect: .status(403)),
        Cell(role: .administrator, scopes: "user/*.cruds", request: .get("Observation/obs-p2-canary-lab"), expect: .resource("Observation/obs-p2-canary-lab")),
        Cell(role: .administrator, scopes: "patient/*.read", launchPatient: "p1", request: .get("Observation/obs-p2-canary-lab"), expect: .status(404)),
        Cell(role: .administrator, scopes: labOnly, launchPatient: "p1", request: .get("Observation/obs-p2-canary-lab"), expect: .status(404)),
        Cell(role: .administrator, scopes: "user/*.rs", request: .get("DiagnosticReport/rep-p2-canary"), expect: .resource("DiagnosticReport/rep-p2-canary")),
        Cell(role: .researcher, scopes: "user/*.rs", request: .get("Observation/obs-p1-lab"), expect: .status(403)),
        Cell(role: .researcher, scopes: "system/*.rs", request: .get("Patient/p1"), expect: .status(403)),
        Cell(role: .researcher, scopes: "patient/*.rs", launchPatient: "p1", request: .get("Practitioner/gp"), expect: .status(403)),
        Cell(role: .noRole, scopes: "system/*.rs", request: .get("Observation/obs-p2-canary-lab"), expect: .resource("Observation/obs-p2-canary-lab")),
        Cell(role: .noRole, scopes: "system/*.rs", request: .get("Provenance/prov-p2-canary"), expect: .resource("Provenance/prov-p2-canary")),
        Cell(role: .noRole, scopes: "patient/*.rs", launchPatient: "p1", request: .get("Observation/obs-p2-canary-lab"), expect: .status(404)),
        Cell(role: .noRole, scopes: "patient/*.rs", request: .get("Observation/obs-p1-lab"), expect: .status(403)),
        Cell(role: .noRole, scopes: "system/Observation.rs", request: .get("Patient/p1"), expect: .status(403)),
        Cell(role: .noRole, scopes: systemLabOnly, request: .get("Observation/obs-p2-canary-vital"), expect: .status(404)),
        Cell(role: .noRole, scopes: systemLabOnly, request: .get("Observation/obs-p2-canary-lab"), expect: .resource("Observation/obs-p2-canary-lab")),
        Cell(role: .noRole, scopes: "patient/*.r", launchPatient: "p1", request: .get("Observation/obs-p1-lab"), expect: .resource("Observation/obs-p1-lab")),
    ]

    // MARK: vread — 16 cells

    static let vread: [Cell] = [
        Cell(role: .patient, scopes: "patient/*.rs", launchPatient: "p1", request: .get("Observation/obs-p1-lab/_history/1"), expect: .resource("Observation/obs-p1-lab", version: "1")),
        Cell(role: .patient, scopes: "patient/*.rs", launchPatient: "p1", request: .get("Observation/obs-p1-lab/_history/2"), expect: .resource("Observation/obs-p1-lab", version: "2")),
        Cell(role: .patient, scopes: "patient/*.rs", launchPatient: "p1", request: .get("Observation/obs-p2-canary-lab/_history/1"), expect: .status(404)),
        Cell(role: .patient, scopes: "patient/Observation.rs", launchPatient: "p1", request: .get("Patient/p1/_history/1"), expect: .status(403)),
        Cell(role: .patient, scopes: labOnly, launchPatient: "p1", request: .get("Observation/obs-p1-vital/_history/1"), expect: .status(404)),
        Cell(role: .patient, scopes: labOnly, launchPatient: "p1", request: .get("Observation/obs-p1-lab/_history/1"), expect: .resource("Observation/obs-p1-lab", version: "1")),
        Cell(role: .clinician, scopes: "user/*.rs", request: .get("Observation/obs-p1-lab/_history/1"), expect: .resource("Observation/obs-p1-lab", version: "1")),
        Cell(role: .clinician, scopes: "user/*.rs", request: .get("Observation/obs-p2-canary-lab/_history/2"), expect: .status(404)),
        Cell(role: .clinician, scopes: "patient/*.rs", launchPatient: "p2-canary", request: .get("Observation/obs-p2-canary-lab/_history/1"), expect: .status(403)),
        Cell(role: .dataSteward, scopes: "user/*.rs", request: .get("Observation/obs-p2-canary-lab/_history/1"), expect: .resource("Observation/obs-p2-canary-lab", version: "1")),
        Cell(role: .administrator, scopes: "patient/*.rs", launchPatient: "p1", request: .get("Observation/obs-p2-canary-lab/_history/1"), expect: .status(404)),
        Cell(role: .administrator, scopes: "system/*.rs", request: .get("Patient/p2-canary/_history/1"), expect: .resource("Patient/p2-canary", version: "1")),
        Cell(role: .researcher, scopes: "user/*.rs", request: .get("Observation/obs-p1-lab/_history/1"), expect: .status(403)),
        Cell(role: .noRole, scopes: "system/*.rs", request: .get("Observation/obs-p2-canary-lab/_history/2"), expect: .resource("Observation/obs-p2-canary-lab", version: "2")),
        Cell(role: .noRole, scopes: "patient/*.read", launchPatient: "p1", request: .get("Observation/obs-p2-canary-lab/_history/1"), expect: .status(404)),
        Cell(role: .noRole, scopes: "patient/Observation.rs", launchPatient: "p1", request: .get("DiagnosticReport/rep-p1/_history/1"), expect: .status(403)),
    ]

    // MARK: instance history — 13 cells

    static let instanceHistory: [Cell] = [
        Cell(role: .patient, scopes: "patient/*.rs", launchPatient: "p1", request: .get("Observation/obs-p1-lab/_history"), expect: .ok(ids: ["Observation/obs-p1-lab", "Observation/obs-p1-lab"])),
        Cell(role: .patient, scopes: "patient/*.rs", launchPatient: "p1", request: .get("Observation/obs-p2-canary-lab/_history"), expect: .status(404)),
        Cell(role: .patient, scopes: "patient/Observation.rs", launchPatient: "p1", request: .get("Patient/p1/_history"), expect: .status(403)),
        Cell(role: .patient, scopes: labOnly, launchPatient: "p1", request: .get("Observation/obs-p1-vital/_history"), expect: .status(404)),
        Cell(role: .patient, scopes: labOnly, launchPatient: "p1", request: .get("Observation/obs-p1-lab/_history"), expect: .ok(ids: ["Observation/obs-p1-lab", "Observation/obs-p1-lab"])),
        Cell(role: .clinician, scopes: "user/*.rs", request: .get("Observation/obs-p1-lab/_history"), expect: .ok(ids: ["Observation/obs-p1-lab", "Observation/obs-p1-lab"])),
        Cell(role: .clinician, scopes: "user/*.rs", request: .get("Patient/p2-canary/_history"), expect: .status(404)),
        Cell(role: .dataSteward, scopes: "user/*.rs", request: .get("Observation/obs-p2-canary-lab/_history"), expect: .ok(ids: ["Observation/obs-p2-canary-lab", "Observation/obs-p2-canary-lab"])),
        Cell(role: .administrator, scopes: "patient/*.rs", launchPatient: "p1", request: .get("Observation/obs-p2-canary-lab/_history"), expect: .status(404)),
        Cell(role: .researcher, scopes: "user/*.rs", request: .get("Observation/obs-p1-lab/_history"), expect: .status(403)),
        Cell(role: .noRole, scopes: "system/*.rs", request: .get("Observation/obs-p2-canary-lab/_history"), expect: .ok(ids: ["Observation/obs-p2-canary-lab", "Observation/obs-p2-canary-lab"])),
        Cell(role: .noRole, scopes: "patient/*.rs", launchPatient: "p1", request: .get("Patient/p2-canary/_history"), expect: .status(404)),
        Cell(role: .noRole, scopes: "patient/*.r", launchPatient: "p1", request: .get("Observation/obs-p1-lab/_history"), expect: .ok(ids: ["Observation/obs-p1-lab", "Observation/obs-p1-lab"])),
    ]

    // MARK: type history — 17 cells

    static let typeHistory: [Cell] = [
        Cell(role: .patient, scopes: "patient/*.rs", launchPatient: "p1", request: .get("Observation/_history"), expect: .ok(ids: ["Observation/obs-p1-lab", "Observation/obs-p1-lab", "Observation/obs-p1-vital"])),
        Cell(role: .patient, scopes: "patient/*.read", launchPatient: "p1", request: .get("Patient/_history"), expect: .ok(ids: ["Patient/p1"])),
        Cell(role: .patient, scopes: "patient/Observation.rs", launchPatient: "p1", request: .get("Patient/_history"), expect: .status(403)),
        Cell(role: .patient, scopes: labOnly, launchPatient: "p1", request: .get("Observation/_history"), expect: .ok(ids: ["Observation/obs-p1-lab", "Observation/obs-p1-lab"])),
        Cell(role: .patient, scopes: "patient/*.r", launchPatient: "p1", request: .get("Observation/_history"), expect: .status(403)),
        Cell(role: .clinician, scopes: "user/*.rs", request: .get("Observation/_history"), expect: .ok(ids: ["Observation/obs-p1-lab", "Observation/obs-p1-lab", "Observation/obs-p1-vital"])),
        Cell(role: .clinician, scopes: "user/*.rs", request: .get("Provenance/_history"), expect: .ok(ids: ["Provenance/prov-p1"] + AccessMatrixData.p1WriteRecords)),
        Cell(role: .clinician, scopes: "user/*.rs", request: .get("Observation/_history?_total=accurate"), expect: .total(3)),
        Cell(role: .clinician, scopes: "patient/Observation.rs", launchPatient: "p1", request: .get("DiagnosticReport/_history"), expect: .status(403)),
        Cell(role: .dataSteward, scopes: "user/*.rs", request: .get("Observation/_history"), expect: .ok(ids: [
            "Observation/obs-p1-lab", "Observation/obs-p1-lab", "Observation/obs-p1-vital",
            "Observation/obs-p2-canary-lab", "Observation/obs-p2-canary-lab", "Observation/obs-p2-canary-vital",
        ])),
        Cell(role: .dataSteward, scopes: "patient/*.rs", launchPatient: "p1", request: .get("Consent/_history"), expect: .ok(ids: ["Consent/consent-p1"])),
        Cell(role: .administrator, scopes: "system/*.rs", request: .get("Patient/_history"), expect: .ok(ids: ["Patient/p1", "Patient/p2-canary"])),
        Cell(role: .administrator, scopes: "patient/*.read", launchPatient: "p1", request: .get("Observation/_history"), expect: .ok(ids: ["Observation/obs-p1-lab", "Observation/obs-p1-lab", "Observation/obs-p1-vital"])),
        Cell(role: .researcher, scopes: "user/*.rs", request: .get("Observation/_history"), expect: .status(403)),
        Cell(role: .noRole, scopes: "system/*.rs", request: .get("DiagnosticReport/_history"), expect: .ok(ids: ["DiagnosticReport/rep-p1", "DiagnosticReport/rep-p2-canary"])),
        Cell(role: .noRole, scopes: "patient/*.rs", launchPatient: "p1", request: .get("Observation/_history"), expect: .ok(ids: ["Observation/obs-p1-lab", "Observation/obs-p1-lab", "Observation/obs-p1-vital"])),
        Cell(role: .noRole, scopes: "patient/*.rs", request: .get("Observation/_history"), expect: .status(403)),
    ]

    // MARK: system history — 13 cells

    static let systemHistory: [Cell] = [
        Cell(role: .patient, scopes: "patient/*.rs", launchPatient: "p1", request: .get("_history"), expect: .ok(ids: p1History)),
        Cell(role: .patient, scopes: "patient/*.rs", launchPatient: "p1", request: .get("_history?_total=accurate"), expect: .total(9)),
        Cell(role: .patient, scopes: "patient/Observation.rs", launchPatient: "p1", request: .get("_history"), expect: .ok(ids: ["Observation/obs-p1-lab", "Observation/obs-p1-lab", "Observation/obs-p1-vital"])),
        Cell(role: .patient, scopes: labOnly, launchPatient: "p1", request: .get("_history"), expect: .ok(ids: ["Observation/obs-p1-lab", "Observation/obs-p1-lab"])),
        Cell(role: .patient, scopes: "patient/*.r", launchPatient: "p1", request: .get("_history"), expect: .status(403)),
        Cell(role: .clinician, scopes: "user/*.rs", request: .get("_history"), expect: .ok(ids: p1History)),
        Cell(role: .clinician, scopes: "patient/*.rs", launchPatient: "p2-canary", request: .get("_history"), expect: .status(403)),
        Cell(role: .dataSteward, scopes: "user/*.rs", request: .get("_history"), expect: .ok(ids: allHistory)),
        Cell(role: .administrator, scopes: "patient/*.rs", launchPatient: "p1", request: .get("_history"), expect: .ok(ids: p1History)),
        Cell(role: .researcher, scopes: "system/*.rs", request: .get("_history"), expect: .status(403)),
        Cell(role: .noRole, scopes: "system/*.rs", request: .get("_history"), expect: .ok(ids: allHistory)),
        Cell(role: .noRole, scopes: "patient/*.read", launchPatient: "p1", request: .get("_history"), expect: .ok(ids: p1History)),
        Cell(role: .noRole, scopes: "system/Patient.r", request: .get("_history"), expect: .status(403)),
    ]
}
