// The matrix rows of searches: plain, _include, _revinclude, :iterate, chains, _has, system
// search with _type, and batches of reads. An include, chain or _has reaching a type the scopes
// do not grant reaches nothing (the type is left out, the search itself is allowed); searching a
// type the scopes do not grant is 403.

extension AccessMatrixCases {
    // MARK: search — 29 cells

    static let search: [Cell] = [
        Cell(role: .patient, scopes: "patient/*.rs", launchPatient: "p1", request: .get("Observation"), expect: .ok(ids: ["Observation/obs-p1-lab", "Observation/obs-p1-vital"])),
        Cell(role: .patient, scopes: "patient/*.rs", launchPatient: "p1", request: .get("Patient"), expect: .ok(ids: ["Patient/p1"])),
        Cell(role: .patient, scopes: "patient/*.read", launchPatient: "p1", request: .get("Observation?code=2339-0"), expect: .ok(ids: ["Observation/obs-p1-lab"])),
        Cell(role: .patient, scopes: "patient/*.rs", launchPatient: "p1", request: .get("Practitioner"), expect: .ok(ids: ["Practitioner/gp"])),
        Cell(role: .patient, scopes: "patient/Observation.rs", launchPatient: "p1", request: .get("Patient"), expect: .status(403)),
        Cell(role: .patient, scopes: "patient/Observation.rs", launchPatient: "p1", request: .get("Observation"), expect: .ok(ids: ["Observation/obs-p1-lab", "Observation/obs-p1-vital"])),
        Cell(role: .patient, scopes: labOnly, launchPatient: "p1", request: .get("Observation"), expect: .ok(ids: ["Observation/obs-p1-lab"])),
        Cell(role: .patient, scopes: labOnly, launchPatient: "p1", request: .get("Observation?category=vital-signs"), expect: .ok(ids: [])),
        Cell(role: .patient, scopes: labOnly, launchPatient: "p1", request: .get("Observation?_summary=count"), expect: .total(1)),
        Cell(role: .patient, scopes: "user/*.rs", request: .get("Observation?_id=obs-p2-canary-lab"), expect: .ok(ids: [])),
        Cell(role: .patient, scopes: "patient/*.r", launchPatient: "p1", request: .get("Observation"), expect: .status(403)),
        Cell(role: .patient, scopes: "user/*.rs", request: .get("Observation?_summary=count"), expect: .total(2)),
        Cell(role: .clinician, scopes: "user/*.rs", request: .get("Observation"), expect: .ok(ids: ["Observation/obs-p1-lab", "Observation/obs-p1-vital"])),
        Cell(role: .clinician, scopes: "user/*.rs", request: .get("DiagnosticReport"), expect: .ok(ids: ["DiagnosticReport/rep-p1"])),
        Cell(role: .clinician, scopes: "user/*.rs", request: .get("Observation?patient=p2-canary"), expect: .ok(ids: [])),
        Cell(role: .clinician, scopes: "patient/*.rs", launchPatient: "p1", request: .get("Consent"), expect: .ok(ids: ["Consent/consent-p1"])),
        Cell(role: .clinician, scopes: "patient/Observation.rs", launchPatient: "p1", request: .get("Consent"), expect: .status(403)),
        Cell(role: .clinician, scopes: "system/*.rs", request: .get("Provenance"), expect: .ok(ids: ["Provenance/prov-p1"] + AccessMatrixData.p1WriteRecords)),
        Cell(role: .dataSteward, scopes: "user/*.rs", request: .get("Observation"), expect: .ok(ids: ["Observation/obs-p1-lab", "Observation/obs-p1-vital", "Observation/obs-p2-canary-lab", "Observation/obs-p2-canary-vital"])),
        Cell(role: .dataSteward, scopes: "patient/*.rs", launchPatient: "p1", request: .get("Observation"), expect: .ok(ids: ["Observation/obs-p1-lab", "Observation/obs-p1-vital"])),
        Cell(role: .administrator, scopes: "system/*.rs", request: .get("Patient"), expect: .ok(ids: ["Patient/p1", "Patient/p2-canary"])),
        Cell(role: .administrator, scopes: labOnly, launchPatient: "p1", request: .get("Observation"), expect: .ok(ids: ["Observation/obs-p1-lab"])),
        Cell(role: .researcher, scopes: "user/*.rs", request: .get("Observation"), expect: .status(403)),
        Cell(role: .researcher, scopes: "patient/*.rs", launchPatient: "p1", request: .get("Patient"), expect: .status(403)),
        Cell(role: .noRole, scopes: "system/*.rs", request: .get("Observation"), expect: .ok(ids: ["Observation/obs-p1-lab", "Observation/obs-p1-vital", "Observation/obs-p2-canary-lab", "Observation/obs-p2-canary-vital"])),
        Cell(role: .noRole, scopes: "patient/*.rs", request: .get("Observation"), expect: .status(403)),
        Cell(role: .noRole, scopes: "patient/*.rs", launchPatient: "p1", request: .get("Consent"), expect: .ok(ids: ["Consent/consent-p1"])),
        Cell(role: .noRole, scopes: systemLabOnly, request: .get("Observation"), expect: .ok(ids: ["Observation/obs-p1-lab", "Observation/obs-p2-canary-lab"])),
        Cell(role: .noRole, scopes: "system/Observation.rs", request: .get("Patient"), expect: .status(403)),
    ]

    // MARK: _include — 15 cells

    static let include: [Cell] = [
        Cell(role: .patient, scopes: "patient/*.rs", launchPatient: "p1", request: .get("Observation?_include=Observation:patient"), expect: .ok(ids: ["Observation/obs-p1-lab", "Observation/obs-p1-vital", "Patient/p1"])),
        Cell(role: .patient, scopes: "patient/Observation.rs", launchPatient: "p1", request: .get("Observation?_include=Observation:patient"), expect: .ok(ids: ["Observation/obs-p1-lab", "Observation/obs-p1-vital"])),
        Cell(role: .patient, scopes: "patient/Observation.rs", launchPatient: "p1", request: .get("DiagnosticReport?_include=DiagnosticReport:result"), expect: .status(403)),
        Cell(role: .patient, scopes: labOnly, launchPatient: "p1", request: .get("Observation?_include=Observation:patient"), expect: .ok(ids: ["Observation/obs-p1-lab"])),
        Cell(role: .patient, scopes: "user/*.rs", request: .get("DiagnosticReport?_id=rep-p2-canary&_include=DiagnosticReport:result"), expect: .ok(ids: [])),
        Cell(role: .clinician, scopes: "user/*.rs", request: .get("DiagnosticReport?_include=DiagnosticReport:result"), expect: .ok(ids: ["DiagnosticReport/rep-p1", "Observation/obs-p1-lab"])),
        Cell(role: .clinician, scopes: "user/*.rs", request: .get("Provenance?_include=Provenance:target"), expect: .ok(ids: ["Provenance/prov-p1", "Observation/obs-p1-lab", "Patient/p1"] + AccessMatrixData.p1WriteRecords)),
        Cell(role: .clinician, scopes: "user/*.rs", request: .get("Patient?_include=Patient:general-practitioner"), expect: .ok(ids: ["Patient/p1", "Practitioner/gp"])),
        Cell(role: .clinician, scopes: "user/*.rs", request: .get("Observation?_include=Observation:patient&_total=accurate"), expect: .total(2)),
        Cell(role: .clinician, scopes: "patient/Observation.rs", launchPatient: "p1", request: .get("Patient?_include=Patient:general-practitioner"), expect: .status(403)),
        Cell(role: .dataSteward, scopes: "user/*.rs", request: .get("DiagnosticReport?_include=DiagnosticReport:result"), expect: .ok(ids: ["DiagnosticReport/rep-p1", "DiagnosticReport/rep-p2-canary", "Observation/obs-p1-lab", "Observation/obs-p2-canary-lab"])),
        Cell(role: .administrator, scopes: "patient/*.rs", launchPatient: "p1", request: .get("Observation?_include=Observation:patient"), expect: .ok(ids: ["Observation/obs-p1-lab", "Observation/obs-p1-vital", "Patient/p1"])),
        Cell(role: .researcher, scopes: "user/*.rs", request: .get("Observation?_include=Observation:patient"), expect: .status(403)),
        Cell(role: .noRole, scopes: "system/*.rs", request: .get("Observation?_include=Observation:patient"), expect: .ok(ids: [
            "Observation/obs-p1-lab", "Observation/obs-p1-vital", "Observation/obs-p2-canary-lab", "Observation/obs-p2-canary-vital", "Patient/p1", "Patient/p2-canary",
        ])),
        Cell(role: .noRole, scopes: "patient/*.rs", launchPatient: "p1", request: .get("DiagnosticReport?_include=DiagnosticReport:result"), expect: .ok(ids: ["DiagnosticReport/rep-p1", "Observation/obs-p1-lab"])),
    ]

    // MARK: _revinclude — 15 cells

    static let revinclude: [Cell] = [
        Cell(role: .patient, scopes: "patient/*.rs", launchPatient: "p1", request: .get("Observation?_revinclude=Provenance:target"), expect: .ok(ids: ["Observation/obs-p1-lab", "Observation/obs-p1-vital", "Provenance/prov-p1"])),
        Cell(role: .patient, scopes: "patient/Observation.rs", launchPatient: "p1", request: .get("Observation?_revinclude=Provenance:target"), expect: .ok(ids: ["Observation/obs-p1-lab", "Observation/obs-p1-vital"])),
        Cell(role: .patient, scopes: "patient/Observation.rs", launchPatient: "p1", request: .get("Patient?_revinclude=Provenance:target"), expect: .status(403)),
        Cell(role: .patient, scopes: labOnly, launchPatient: "p1", request: .get("Observation?_revinclude=Provenance:target"), expect: .ok(ids: ["Observation/obs-p1-lab"])),
        Cell(role: .patient, scopes: "user/*.rs", request: .get("Patient?_revinclude=Observation:subject"), expect: .ok(ids: ["Patient/p1", "Observation/obs-p1-lab", "Observation/obs-p1-vital"])),
        Cell(role: .patient, scopes: "patient/*.rs", launchPatient: "p1", request: .get("Observation?_revinclude=Provenance:target&_total=accurate"), expect: .total(2)),
        Cell(role: .clinician, scopes: "user/*.rs", request: .get("Observation?_revinclude=Provenance:target"), expect: .ok(ids: ["Observation/obs-p1-lab", "Observation/obs-p1-vital", "Provenance/prov-p1"])),
        Cell(role: .clinician, scopes: "user/*.rs", request: .get("Practitioner?_revinclude=Patient:general-practitioner"), expect: .ok(ids: ["Practitioner/gp", "Patient/p1"])),
        Cell(role: .clinician, scopes: "patient/*.rs", launchPatient: "p2-canary", request: .get("Observation?_revinclude=Provenance:target"), expect: .status(403)),
        Cell(role: .dataSteward, scopes: "user/*.rs", request: .get("Observation?_revinclude=Provenance:target"), expect: .ok(ids: [
            "Observation/obs-p1-lab", "Observation/obs-p1-vital", "Observation/obs-p2-canary-lab", "Observation/obs-p2-canary-vital", "Provenance/prov-p1", "Provenance/prov-p2-canary",
        ] + WriteRecord.created(["Observation/obs-p1-lab", "Observation/obs-p1-vital", "Observation/obs-p2-canary-lab", "Observation/obs-p2-canary-vital"])
          + AccessMatrixData.secondVersionRecords)),
        Cell(role: .administrator, scopes: "patient/*.rs", launchPatient: "p1", request: .get("Practitioner?_revinclude=Patient:general-practitioner"), expect: .ok(ids: ["Practitioner/gp", "Patient/p1"])),
        Cell(role: .researcher, scopes: "user/*.rs", request: .get("Observation?_revinclude=Provenance:target"), expect: .status(403)),
        Cell(role: .noRole, scopes: "system/*.rs", request: .get("Patient?_revinclude=Provenance:target"), expect: .ok(ids: ["Patient/p1", "Patient/p2-canary", "Provenance/prov-p1", "Provenance/prov-p2-canary"]
            + WriteRecord.created(["Patient/p1", "Patient/p2-canary"]))),
        Cell(role: .noRole, scopes: "patient/*.read", launchPatient: "p1", request: .get("Observation?_revinclude=Provenance:target"), expect: .ok(ids: ["Observation/obs-p1-lab", "Observation/obs-p1-vital", "Provenance/prov-p1"])),
        Cell(role: .noRole, scopes: "system/Observation.rs", request: .get("Observation?_revinclude=Provenance:target"), expect: .ok(ids: [
            "Observation/obs-p1-lab", "Observation/obs-p1-vital", "Observation/obs-p2-canary-lab", "Observation/obs-p2-canary-vital",
        ])),
    ]

    // MARK: _include:iterate and _revinclude:iterate — 13 cells

    static let includeIterate: [Cell] = [
        Cell(role: .patient, scopes: "patient/*.rs", launchPatient: "p1", request: .get("DiagnosticReport?_include=DiagnosticReport:result&_include:iterate=Observation:patient"), expect: .ok(ids: ["DiagnosticReport/rep-p1", "Observation/obs-p1-lab", "Patient/p1"])),
        Cell(role: .patient, scopes: "patient/Observation.rs", launchPatient: "p1", request: .get("DiagnosticReport?_include=DiagnosticReport:result&_include:iterate=Observation:patient"), expect: .status(403)),
        Cell(role: .patient, scopes: "patient/*.rs", launchPatient: "p1", request: .get("Provenance?_include=Provenance:target&_include:iterate=Patient:general-practitioner"), expect: .ok(ids: ["Provenance/prov-p1", "Observation/obs-p1-lab", "Patient/p1", "Practitioner/gp"] + AccessMatrixData.p1WriteRecords)),
        Cell(role: .patient, scopes: labOnly, launchPatient: "p1", request: .get("Observation?_include=Observation:patient&_include:iterate=Patient:general-practitioner"), expect: .ok(ids: ["Observation/obs-p1-lab"])),
        Cell(role: .patient, scopes: "user/*.rs", request: .get("DiagnosticReport?_id=rep-p2-canary&_include=DiagnosticReport:result&_include:iterate=Observation:patient"), expect: .ok(ids: [])),
        Cell(role: .clinician, scopes: "user/*.rs", request: .get("DiagnosticReport?_include=DiagnosticReport:result&_include:iterate=Observation:patient"), expect: .ok(ids: ["DiagnosticReport/rep-p1", "Observation/obs-p1-lab", "Patient/p1"])),
        Cell(role: .clinician, scopes: "user/*.rs", request: .get("Practitioner?_revinclude=Patient:general-practitioner&_revinclude:iterate=Observation:patient"), expect: .ok(ids: ["Practitioner/gp", "Patient/p1", "Observation/obs-p1-lab", "Observation/obs-p1-vital"])),
        Cell(role: .clinician, scopes: "patient/Observation.rs", launchPatient: "p1", request: .get("Practitioner?_revinclude=Patient:general-practitioner&_revinclude:iterate=Observation:patient"), expect: .status(403)),
        Cell(role: .dataSteward, scopes: "user/*.rs", request: .get("DiagnosticReport?_include=DiagnosticReport:result&_include:iterate=Observation:patient"), expect: .ok(ids: [
            "DiagnosticReport/rep-p1", "DiagnosticReport/rep-p2-canary", "Observation/obs-p1-lab", "Observation/obs-p2-canary-lab", "Patient/p1", "Patient/p2-canary",
        ])),
        Cell(role: .administrator, scopes: "patient/*.rs", launchPatient: "p1", request: .get("Practitioner?_revinclude=Patient:general-practitioner&_revinclude:iterate=Observation:patient"), expect: .ok(ids: ["Practitioner/gp", "Patient/p1", "Observation/obs-p1-lab", "Observation/obs-p1-vital"])),
        Cell(role: .researcher, scopes: "user/*.rs", request: .get("DiagnosticReport?_include=DiagnosticReport:result&_include:iterate=Observation:patient"), expect: .status(403)),
        Cell(role: .noRole, scopes: "system/*.rs", request: .get("Practitioner?_revinclude=Patient:general-practitioner&_revinclude:iterate=Observation:patient"), expect: .ok(ids: [
            "Practitioner/gp", "Patient/p1", "Patient/p2-canary",
            "Observation/obs-p1-lab", "Observation/obs-p1-vital", "Observation/obs-p2-canary-lab", "Observation/obs-p2-canary-vital",
        ])),
        Cell(role: .noRole, scopes: "patient/*.rs", launchPatient: "p1", request: .get("DiagnosticReport?_include=DiagnosticReport:result&_include:iterate=Observation:patient"), expect: .ok(ids: ["DiagnosticReport/rep-p1", "Observation/obs-p1-lab", "Patient/p1"])),
    ]

    // MARK: chained search — 15 cells

    static let chain: [Cell] = [
        Cell(role: .patient, scopes: "patient/*.rs", launchPatient: "p1", request: .get("Observation?subject:Patient.name=Visible"), expect: .ok(ids: ["Observation/obs-p1-lab", "Observation/obs-p1-vital"])),
        Cell(role: .patient, scopes: "patient/*.rs", launchPatient: "p1", request: .get("Observation?subject:Patient.name=Zebrafinch"), expect: .ok(ids: [])),
        Cell(role: .patient, scopes: "patient/*.rs", launchPatient: "p1", request: .get("Observation?subject:Patient.name=Zebrafinch&_summary=count"), expect: .total(0)),
        Cell(role: .patient, scopes: "patient/Observation.rs", launchPatient: "p1", request: .get("Observation?subject:Patient.name=Visible"), expect: .ok(ids: [])),
        Cell(role: .patient, scopes: "patient/Observation.rs", launchPatient: "p1", request: .get("DiagnosticReport?result.code=2339-0"), expect: .status(403)),
        Cell(role: .patient, scopes: labOnly, launchPatient: "p1", request: .get("Observation?subject:Patient.name=Visible"), expect: .ok(ids: [])),
        Cell(role: .clinician, scopes: "user/*.rs", request: .get("Observation?subject:Patient.name=Visible"), expect: .ok(ids: ["Observation/obs-p1-lab", "Observation/obs-p1-vital"])),
        Cell(role: .clinician, scopes: "user/*.rs", request: .get("Observation?subject:Patient.name=Zebrafinch"), expect: .ok(ids: [])),
        Cell(role: .clinician, scopes: "user/*.rs", request: .get("DiagnosticReport?result.code=2339-0"), expect: .ok(ids: ["DiagnosticReport/rep-p1"])),
        Cell(role: .clinician, scopes: "user/*.rs", request: .get("Observation?patient.general-practitioner.name=Shared"), expect: .ok(ids: ["Observation/obs-p1-lab", "Observation/obs-p1-vital"])),
        Cell(role: .dataSteward, scopes: "user/*.rs", request: .get("Observation?subject:Patient.name=Zebrafinch"), expect: .ok(ids: ["Observation/obs-p2-canary-lab", "Observation/obs-p2-canary-vital"])),
        Cell(role: .administrator, scopes: "patient/*.rs", launchPatient: "p1", request: .get("Observation?subject:Patient.name=Zebrafinch"), expect: .ok(ids: [])),
        Cell(role: .researcher, scopes: "user/*.rs", request: .get("Observation?subject:Patient.name=Visible"), expect: .status(403)),
        Cell(role: .noRole, scopes: "system/*.rs", request: .get("DiagnosticReport?result.code=2339-0"), expect: .ok(ids: ["DiagnosticReport/rep-p1", "DiagnosticReport/rep-p2-canary"])),
        Cell(role: .noRole, scopes: "patient/*.rs", launchPatient: "p1", request: .get("Observation?subject:Patient.name=Zebrafinch"), expect: .ok(ids: [])),
    ]

    // MARK: _has — 15 cells

    static let has: [Cell] = [
        Cell(role: .patient, scopes: "patient/*.rs", launchPatient: "p1", request: .get("Patient?_has:Observation:patient:code=2339-0"), expect: .ok(ids: ["Patient/p1"])),
        Cell(role: .patient, scopes: "patient/*.rs", launchPatient: "p1", request: .get("Practitioner?_has:Patient:general-practitioner:family=Zebrafinch"), expect: .ok(ids: [])),
        Cell(role: .patient, scopes: "patient/*.rs", launchPatient: "p1", request: .get("Practitioner?_has:Patient:general-practitioner:family=Visible"), expect: .ok(ids: ["Practitioner/gp"])),
        Cell(role: .patient, scopes: "patient/Observation.rs", launchPatient: "p1", request: .get("Patient?_has:Observation:patient:code=2339-0"), expect: .status(403)),
        Cell(role: .patient, scopes: "patient/Patient.rs", launchPatient: "p1", request: .get("Patient?_has:Observation:patient:code=2339-0"), expect: .ok(ids: [])),
        Cell(role: .patient, scopes: labOnly, launchPatient: "p1", request: .get("Observation?_has:Provenance:target:agent=Practitioner/gp"), expect: .ok(ids: [])),
        Cell(role: .clinician, scopes: "user/*.rs", request: .get("Patient?_has:Observation:patient:code=2339-0"), expect: .ok(ids: ["Patient/p1"])),
        Cell(role: .clinician, scopes: "user/*.rs", request: .get("Patient?_has:Provenance:target:agent=Practitioner/gp"), expect: .ok(ids: ["Patient/p1"])),
        Cell(role: .clinician, scopes: "user/*.rs", request: .get("Patient?_has:Observation:patient:code=2339-0&_total=accurate"), expect: .total(1)),
        Cell(role: .clinician, scopes: "patient/*.rs", launchPatient: "p2-canary", request: .get("Patient?_has:Observation:patient:code=2339-0"), expect: .status(403)),
        Cell(role: .dataSteward, scopes: "user/*.rs", request: .get("Patient?_has:Observation:patient:code=2339-0"), expect: .ok(ids: ["Patient/p1", "Patient/p2-canary"])),
        Cell(role: .administrator, scopes: "patient/*.rs", launchPatient: "p1", request: .get("Patient?_has:Observation:patient:code=8867-4"), expect: .ok(ids: ["Patient/p1"])),
        Cell(role: .researcher, scopes: "user/*.rs", request: .get("Patient?_has:Observation:patient:code=2339-0"), expect: .status(403)),
        Cell(role: .noRole, scopes: "system/*.rs", request: .get("Practitioner?_has:Patient:general-practitioner:family=Zebrafinch"), expect: .ok(ids: ["Practitioner/gp"])),
        Cell(role: .noRole, scopes: "patient/*.rs", launchPatient: "p1", request: .get("Patient?_has:Observation:patient:code=2339-0"), expect: .ok(ids: ["Patient/p1"])),
    ]

    // MARK: system search with _type — 17 cells

    static let systemSearch: [Cell] = [
        Cell(role: .patient, scopes: "patient/*.rs", launchPatient: "p1", request: .get("?_type=Observation,Patient"), expect: .ok(ids: ["Observation/obs-p1-lab", "Observation/obs-p1-vital", "Patient/p1"])),
        Cell(role: .patient, scopes: "patient/*.rs", launchPatient: "p1", request: .get("?_type=Patient,Observation,DiagnosticReport,Provenance,Practitioner,Consent"), expect: .ok(ids: [
            "Patient/p1", "Observation/obs-p1-lab", "Observation/obs-p1-vital", "DiagnosticReport/rep-p1", "Provenance/prov-p1", "Practitioner/gp", "Consent/consent-p1",
        ] + AccessMatrixData.p1WriteRecords)),
        Cell(role: .patient, scopes: "patient/Observation.rs", launchPatient: "p1", request: .get("?_type=Observation,Patient"), expect: .ok(ids: ["Observation/obs-p1-lab", "Observation/obs-p1-vital"])),
        Cell(role: .patient, scopes: "patient/Observation.rs", launchPatient: "p1", request: .get("?_type=Patient"), expect: .ok(ids: [])),
        Cell(role: .patient, scopes: "patient/*.rs", launchPatient: "p1", request: .get("?_type=Observation,Patient&_total=accurate"), expect: .total(3)),
        Cell(role: .patient, scopes: "patient/*.r", launchPatient: "p1", request: .get("?_type=Observation"), expect: .status(403)),
        Cell(role: .patient, scopes: labOnly, launchPatient: "p1", request: .get("?_type=Observation"), expect: .ok(ids: ["Observation/obs-p1-lab"])),
        Cell(role: .patient, scopes: "user/*.rs", request: .get("?_lastUpdated=gt2000-01-01"), expect: .ok(ids: [
            "Practitioner/gp", "Patient/p1", "Observation/obs-p1-lab", "Observation/obs-p1-vital", "DiagnosticReport/rep-p1", "Provenance/prov-p1", "Consent/consent-p1",
        ] + AccessMatrixData.p1WriteRecords)),
        Cell(role: .clinician, scopes: "user/*.rs", request: .get("?_type=Patient,Observation"), expect: .ok(ids: ["Patient/p1", "Observation/obs-p1-lab", "Observation/obs-p1-vital"])),
        Cell(role: .clinician, scopes: "user/*.rs", request: .get("?_type=DiagnosticReport,Provenance&_include=DiagnosticReport:subject&_include=Provenance:target"), expect: .ok(ids: [
            "DiagnosticReport/rep-p1", "Provenance/prov-p1", "Patient/p1", "Observation/obs-p1-lab",
        ] + AccessMatrixData.p1WriteRecords)),
        Cell(role: .clinician, scopes: "patient/*.rs", launchPatient: "p2-canary", request: .get("?_type=Patient"), expect: .status(403)),
        Cell(role: .dataSteward, scopes: "user/*.rs", request: .get("?_type=Patient"), expect: .ok(ids: ["Patient/p1", "Patient/p2-canary"])),
        Cell(role: .administrator, scopes: "patient/*.rs", launchPatient: "p1", request: .get("?_type=Patient,Consent"), expect: .ok(ids: ["Patient/p1", "Consent/consent-p1"])),
        Cell(role: .researcher, scopes: "user/*.rs", request: .get("?_type=Patient"), expect: .status(403)),
        Cell(role: .noRole, scopes: "system/*.rs", request: .get("?_type=Consent"), expect: .ok(ids: ["Consent/consent-p1", "Consent/consent-p2-canary"])),
        Cell(role: .noRole, scopes: "patient/*.rs", launchPatient: "p1", request: .get("?_type=Observation,Patient"), expect: .ok(ids: ["Observation/obs-p1-lab", "Observation/obs-p1-vital", "Patient/p1"])),
        Cell(role: .noRole, scopes: "patient/*.rs", request: .get("?_type=Patient"), expect: .status(403)),
    ]

    // MARK: batch of reads — 13 cells

    static let batchRead: [Cell] = [
        Cell(role: .patient, scopes: "patient/*.rs", launchPatient: "p1", request: .batch([.get("Observation/obs-p1-lab"), .get("Observation/obs-p2-canary-lab")]), expect: .entries([200, 404], ids: ["Observation/obs-p1-lab"])),
        Cell(role: .patient, scopes: "patient/Observation.rs", launchPatient: "p1", request: .batch([.get("Observation/obs-p1-lab"), .get("Patient/p1")]), expect: .entries([200, 403], ids: ["Observation/obs-p1-lab"])),
        Cell(role: .patient, scopes: "patient/*.rs", launchPatient: "p1", request: .batch([.get("Observation?patient=p2-canary"), .get("Observation?_include=Observation:patient")]), expect: .entries([200, 200], ids: [
            "Observation/obs-p1-lab", "Observation/obs-p1-vital", "Patient/p1",
        ])),
        Cell(role: .patient, scopes: "patient/*.rs", launchPatient: "p2-canary", request: .batch([.get("Patient/p2-canary")]), expect: .entries([403], ids: [])),
        Cell(role: .patient, scopes: labOnly, launchPatient: "p1", request: .batch([.get("Observation/obs-p1-vital"), .get("Observation/obs-p1-lab")]), expect: .entries([404, 200], ids: ["Observation/obs-p1-lab"])),
        Cell(role: .clinician, scopes: "user/*.rs", request: .batch([.get("Patient/p1"), .get("Patient/p2-canary"), .get("Practitioner/gp")]), expect: .entries([200, 404, 200], ids: ["Patient/p1", "Practitioner/gp"])),
        Cell(role: .clinician, scopes: "user/*.rs", request: .batch([.get("Observation?subject:Patient.name=Zebrafinch"), .get("Observation/obs-p2-canary-lab/_history")]), expect: .entries([200, 404], ids: [])),
        Cell(role: .dataSteward, scopes: "user/*.rs", request: .batch([.get("Observation/obs-p1-lab"), .get("Observation/obs-p2-canary-lab")]), expect: .entries([200, 200], ids: ["Observation/obs-p1-lab", "Observation/obs-p2-canary-lab"])),
        Cell(role: .administrator, scopes: "patient/*.rs", launchPatient: "p1", request: .batch([.get("Observation/obs-p2-canary-lab"), .get("DiagnosticReport/rep-p2-canary")]), expect: .entries([404, 404], ids: [])),
        Cell(role: .researcher, scopes: "user/*.rs", request: .batch([.get("Observation/obs-p1-lab")]), expect: .status(403)),
        Cell(role: .noRole, scopes: "system/*.rs", request: .batch([.get("Observation/obs-p1-lab"), .get("Observation/obs-p2-canary-lab")]), expect: .entries([200, 200], ids: ["Observation/obs-p1-lab", "Observation/obs-p2-canary-lab"])),
        Cell(role: .noRole, scopes: "patient/*.rs", request: .batch([.get("Observation/obs-p1-lab")]), expect: .entries([403], ids: [])),
        Cell(role: .noRole, scopes: "launch/patient openid", request: .batch([.get("Observation/obs-p1-lab")]), expect: .status(403)),
    ]
}
