// The matrix rows of writes: create, update, patch, delete, conditional update and delete, and
// batches and transactions that write. Every destructive cell has a target of its own (see
// AccessMatrixData.writeTargets), so the cells run in any order and at once; what a refused
// write must not have changed is checked afterwards with an unrestricted token.
//
// A write into another patient's compartment is 403; an update or patch of a resource the
// caller may not see is 404 (as if absent); a delete of one is a no-op success (as if absent);
// conditional criteria that match only resources the caller may not see match nothing.

extension AccessMatrixCases {
    /// A search for the Observations with a matrix identifier.
    static func withIdentifier(_ value: String) -> String {
        "Observation?identifier=http://kiln.test/matrix|\(value)"
    }

    // MARK: create — 30 cells

    static let create: [Cell] = [
        Cell(role: .patient, scopes: "patient/*.cruds", launchPatient: "p1", request: .post("Observation", MatrixBody.observation("p1", identifier: "create-patient-own")), expect: .created("Observation"), then: [.matchCount(withIdentifier("create-patient-own"), 1)]),
        Cell(role: .patient, scopes: "patient/*.cruds", launchPatient: "p1", request: .post("Observation", MatrixBody.observation("p2-canary", identifier: "create-patient-other")), expect: .status(403), then: [.noMatch(withIdentifier("create-patient-other"))]),
        Cell(role: .patient, scopes: "patient/*.rs", launchPatient: "p1", request: .post("Observation", MatrixBody.observation("p1", identifier: "create-patient-rs")), expect: .status(403), then: [.noMatch(withIdentifier("create-patient-rs"))]),
        Cell(role: .patient, scopes: "patient/*.cruds", launchPatient: "p1", request: .post("Patient", MatrixBody.patient(family: "Createdbypatient")), expect: .status(403), then: [.noMatch("Patient?family=Createdbypatient")]),
        Cell(role: .patient, scopes: "patient/*.cruds", launchPatient: "p1", request: .post("Practitioner", MatrixBody.practitioner(family: "Createdbypatient")), expect: .status(403), then: [.noMatch("Practitioner?family=Createdbypatient")]),
        Cell(role: .patient, scopes: "user/*.cruds", request: .post("Observation", MatrixBody.observation("p2-canary", identifier: "create-patient-user-other")), expect: .status(403), then: [.noMatch(withIdentifier("create-patient-user-other"))]),
        Cell(role: .patient, scopes: "patient/Patient.cruds", launchPatient: "p1", request: .post("Observation", MatrixBody.observation("p1", identifier: "create-patient-type")), expect: .status(403), then: [.noMatch(withIdentifier("create-patient-type"))]),
        Cell(role: .patient, scopes: "patient/*.write", launchPatient: "p1", request: .post("Observation", MatrixBody.observation("p1", identifier: "create-patient-v1")), expect: .created("Observation"), then: [.matchCount(withIdentifier("create-patient-v1"), 1)]),
        Cell(role: .clinician, scopes: "user/*.cruds", request: .post("Observation", MatrixBody.observation("p1", identifier: "create-clinician-own")), expect: .created("Observation"), then: [.matchCount(withIdentifier("create-clinician-own"), 1)]),
        Cell(role: .clinician, scopes: "user/*.cruds", request: .post("Observation", MatrixBody.observation("p2-canary", identifier: "create-clinician-other")), expect: .status(403), then: [.noMatch(withIdentifier("create-clinician-other"))]),
        Cell(role: .clinician, scopes: "user/*.cruds", request: .post("Patient", MatrixBody.patient(family: "Createdbyclinician")), expect: .created("Patient"), then: [.matchCount("Patient?family=Createdbyclinician", 1)]),
        Cell(role: .clinician, scopes: "patient/*.cruds", launchPatient: "p1", request: .post("Patient", MatrixBody.patient(family: "Createdbylaunch")), expect: .status(403), then: [.noMatch("Patient?family=Createdbylaunch")]),
        Cell(role: .clinician, scopes: "user/*.cruds", request: .post("DiagnosticReport", MatrixBody.report("p2-canary")), expect: .status(403), then: [.matchCount("DiagnosticReport?subject=Patient/p2-canary", 1)]),
        Cell(role: .clinician, scopes: "user/*.rs", request: .post("Observation", MatrixBody.observation("p1", identifier: "create-clinician-rs")), expect: .status(403), then: [.noMatch(withIdentifier("create-clinician-rs"))]),
        Cell(role: .clinician, scopes: "user/*.cruds", request: .post("Practitioner", MatrixBody.practitioner(family: "Createdbyclinician")), expect: .status(403), then: [.noMatch("Practitioner?family=Createdbyclinician")]),
        Cell(role: .dataSteward, scopes: "user/*.cruds", request: .post("Observation", MatrixBody.observation("p1", identifier: "create-steward")), expect: .status(403), then: [.noMatch(withIdentifier("create-steward"))]),
        Cell(role: .administrator, scopes: "user/*.cruds", request: .post("Observation", MatrixBody.observation("p2-canary", identifier: "create-admin-other")), expect: .created("Observation"), then: [.matchCount(withIdentifier("create-admin-other"), 1)]),
        Cell(role: .administrator, scopes: "patient/*.cruds", launchPatient: "p1", request: .post("Observation", MatrixBody.observation("p2-canary", identifier: "create-admin-launch-other")), expect: .status(403), then: [.noMatch(withIdentifier("create-admin-launch-other"))]),
        Cell(role: .administrator, scopes: "user/*.cruds", request: .post("Patient", MatrixBody.patient(family: "Createdbyadmin")), expect: .created("Patient"), then: [.matchCount("Patient?family=Createdbyadmin", 1)]),
        Cell(role: .researcher, scopes: "user/*.cruds", request: .post("Observation", MatrixBody.observation("p1", identifier: "create-researcher")), expect: .status(403), then: [.noMatch(withIdentifier("create-researcher"))]),
        Cell(role: .noRole, scopes: "system/*.cruds", request: .post("Observation", MatrixBody.observation("p2-canary", identifier: "create-system-other")), expect: .created("Observation"), then: [.matchCount(withIdentifier("create-system-other"), 1)]),
        Cell(role: .noRole, scopes: "system/*.rs", request: .post("Observation", MatrixBody.observation("p1", identifier: "create-system-rs")), expect: .status(403), then: [.noMatch(withIdentifier("create-system-rs"))]),
        Cell(role: .noRole, scopes: "patient/*.cruds", request: .post("Observation", MatrixBody.observation("p1", identifier: "create-system-no-launch")), expect: .status(403), then: [.noMatch(withIdentifier("create-system-no-launch"))]),
        Cell(role: .noRole, scopes: "system/*.cruds", request: .post("Practitioner", MatrixBody.practitioner(family: "Createdbysystem")), expect: .created("Practitioner"), then: [.matchCount("Practitioner?family=Createdbysystem", 1)]),
        // Conditional create: criteria that match only what the caller may not see match nothing.
        Cell(role: .patient, scopes: "patient/*.cruds", launchPatient: "p1", request: .headers(["If-None-Exist": "identifier=http://kiln.test/matrix|cond-canary"], .post("Observation", MatrixBody.observation("p1", identifier: "ine-patient"))), expect: .created("Observation"), then: [.unchanged("Observation/obs-p2-canary-cond"), .matchCount(withIdentifier("ine-patient"), 1)]),
        Cell(role: .patient, scopes: "patient/*.cruds", launchPatient: "p1", request: .headers(["If-None-Exist": "identifier=http://kiln.test/matrix|cond-keep"], .post("Observation", MatrixBody.observation("p1", identifier: "cond-keep"))), expect: .resource("Observation/obs-p1-cond-keep"), then: [.unchanged("Observation/obs-p1-cond-keep")]),
        Cell(role: .clinician, scopes: "user/*.cruds", request: .headers(["If-None-Exist": "_id=p2-canary"], .post("Patient", MatrixBody.patient(family: "Createdifnoneexist"))), expect: .created("Patient"), then: [.unchanged("Patient/p2-canary"), .matchCount("Patient?family=Createdifnoneexist", 1)]),
        Cell(role: .clinician, scopes: "user/*.cruds", request: .headers(["If-None-Exist": "family=Visible"], .post("Patient", MatrixBody.patient(family: "Visible"))), expect: .resource("Patient/p1")),
        Cell(role: .administrator, scopes: "user/*.cruds", request: .headers(["If-None-Exist": "identifier=http://kiln.test/matrix|cond-canary"], .post("Observation", MatrixBody.observation("p2-canary", identifier: "cond-canary"))), expect: .resource("Observation/obs-p2-canary-cond"), then: [.unchanged("Observation/obs-p2-canary-cond")]),
        Cell(role: .noRole, scopes: "system/*.cruds", request: .headers(["If-None-Exist": "_id=p2-canary"], .post("Patient", MatrixBody.patient(family: "Zebrafinch"))), expect: .resource("Patient/p2-canary"), then: [.unchanged("Patient/p2-canary")]),
    ]

    // MARK: update — 23 cells

    static let update: [Cell] = [
        Cell(role: .patient, scopes: "patient/*.cruds", launchPatient: "p1", request: .put("Observation/obs-p1-upd", MatrixBody.observation("p1", id: "obs-p1-upd")), expect: .resource("Observation/obs-p1-upd")),
        Cell(role: .patient, scopes: "patient/*.cruds", launchPatient: "p1", request: .put("Observation/obs-p2-canary-upd", MatrixBody.observation("p1", id: "obs-p2-canary-upd")), expect: .status(404), then: [.unchanged("Observation/obs-p2-canary-upd")]),
        Cell(role: .patient, scopes: "patient/*.cruds", launchPatient: "p1", request: .put("Observation/obs-p2-canary-upd", MatrixBody.observation("p2-canary", id: "obs-p2-canary-upd")), expect: .status(404), then: [.unchanged("Observation/obs-p2-canary-upd")]),
        Cell(role: .patient, scopes: "patient/*.cruds", launchPatient: "p1", request: .put("Observation/obs-p1-move", MatrixBody.observation("p2-canary", id: "obs-p1-move")), expect: .status(403), then: [.unchanged("Observation/obs-p1-move")]),
        Cell(role: .patient, scopes: "patient/*.cruds", launchPatient: "p1", request: .put("Observation/obs-p1-new-patient", MatrixBody.observation("p1", id: "obs-p1-new-patient")), expect: .created("Observation/obs-p1-new-patient")),
        Cell(role: .patient, scopes: "patient/*.cruds", launchPatient: "p1", request: .put("Observation/obs-p2-canary-new-patient", MatrixBody.observation("p2-canary", id: "obs-p2-canary-new-patient")), expect: .status(403), then: [.gone("Observation/obs-p2-canary-new-patient")]),
        Cell(role: .patient, scopes: "patient/*.cruds", launchPatient: "p1", request: .put("Patient/p1", MatrixBody.patient(id: "p1", family: "Visible")), expect: .resource("Patient/p1")),
        Cell(role: .patient, scopes: "patient/*.cruds", launchPatient: "p1", request: .put("Patient/p2-canary", MatrixBody.patient(id: "p2-canary", family: "Renamed")), expect: .status(404), then: [.unchanged("Patient/p2-canary")]),
        Cell(role: .patient, scopes: "patient/*.rs", launchPatient: "p1", request: .put("Observation/obs-p1-keep", MatrixBody.observation("p1", id: "obs-p1-keep")), expect: .status(403), then: [.unchanged("Observation/obs-p1-keep")]),
        Cell(role: .patient, scopes: "patient/*.cruds", launchPatient: "p1", request: .put("Observation/obs-p2-canary-deleted", MatrixBody.observation("p2-canary", id: "obs-p2-canary-deleted")), expect: .status(403), then: [.gone("Observation/obs-p2-canary-deleted")]),
        Cell(role: .clinician, scopes: "user/*.cruds", request: .put("Observation/obs-p1-upd", MatrixBody.observation("p1", id: "obs-p1-upd")), expect: .resource("Observation/obs-p1-upd")),
        Cell(role: .clinician, scopes: "user/*.cruds", request: .put("Observation/obs-p2-canary-upd", MatrixBody.observation("p1", id: "obs-p2-canary-upd")), expect: .status(404), then: [.unchanged("Observation/obs-p2-canary-upd")]),
        Cell(role: .clinician, scopes: "user/*.cruds", request: .headers(["If-Match": #"W/"9""#], .put("Observation/obs-p2-canary-upd", MatrixBody.observation("p1", id: "obs-p2-canary-upd"))), expect: .status(404), then: [.unchanged("Observation/obs-p2-canary-upd")]),
        Cell(role: .clinician, scopes: "user/*.cruds", request: .put("Observation/obs-p1-move", MatrixBody.observation("p2-canary", id: "obs-p1-move")), expect: .status(403), then: [.unchanged("Observation/obs-p1-move")]),
        Cell(role: .clinician, scopes: "user/*.cruds", request: .put("Observation/obs-p2-canary-new-clinician", MatrixBody.observation("p2-canary", id: "obs-p2-canary-new-clinician")), expect: .status(403), then: [.gone("Observation/obs-p2-canary-new-clinician")]),
        Cell(role: .clinician, scopes: "patient/*.cruds", launchPatient: "p2-canary", request: .put("Observation/obs-p2-canary-upd", MatrixBody.observation("p2-canary", id: "obs-p2-canary-upd")), expect: .status(403), then: [.unchanged("Observation/obs-p2-canary-upd")]),
        Cell(role: .dataSteward, scopes: "user/*.cruds", request: .put("Observation/obs-p1-keep", MatrixBody.observation("p1", id: "obs-p1-keep")), expect: .status(403), then: [.unchanged("Observation/obs-p1-keep")]),
        Cell(role: .administrator, scopes: "user/*.cruds", request: .put("Observation/obs-p2-canary-admin-upd", MatrixBody.observation("p2-canary", id: "obs-p2-canary-admin-upd")), expect: .resource("Observation/obs-p2-canary-admin-upd", version: "2")),
        Cell(role: .administrator, scopes: "patient/*.cruds", launchPatient: "p1", request: .put("Observation/obs-p2-canary-upd", MatrixBody.observation("p2-canary", id: "obs-p2-canary-upd")), expect: .status(404), then: [.unchanged("Observation/obs-p2-canary-upd")]),
        Cell(role: .researcher, scopes: "user/*.cruds", request: .put("Observation/obs-p1-keep", MatrixBody.observation("p1", id: "obs-p1-keep")), expect: .status(403), then: [.unchanged("Observation/obs-p1-keep")]),
        Cell(role: .noRole, scopes: "system/*.cruds", request: .put("Observation/obs-p2-canary-system-upd", MatrixBody.observation("p2-canary", id: "obs-p2-canary-system-upd")), expect: .resource("Observation/obs-p2-canary-system-upd", version: "2")),
        Cell(role: .noRole, scopes: "system/*.rs", request: .put("Observation/obs-p1-keep", MatrixBody.observation("p1", id: "obs-p1-keep")), expect: .status(403), then: [.unchanged("Observation/obs-p1-keep")]),
        Cell(role: .noRole, scopes: "patient/*.cruds", launchPatient: "p1", request: .put("Observation/obs-p1-upd", MatrixBody.observation("p1", id: "obs-p1-upd")), expect: .resource("Observation/obs-p1-upd")),
    ]

    // MARK: patch — 9 cells

    static let patch: [Cell] = [
        Cell(role: .patient, scopes: "patient/*.cruds", launchPatient: "p1", request: .patch("Observation/obs-p1-upd", MatrixBody.amend), expect: .resource("Observation/obs-p1-upd")),
        Cell(role: .patient, scopes: "patient/*.cruds", launchPatient: "p1", request: .patch("Observation/obs-p2-canary-upd", MatrixBody.amend), expect: .status(404), then: [.unchanged("Observation/obs-p2-canary-upd")]),
        Cell(role: .patient, scopes: "patient/*.cruds", launchPatient: "p1", request: .headers(["If-Match": #"W/"9""#], .patch("Observation/obs-p2-canary-upd", MatrixBody.amend)), expect: .status(404), then: [.unchanged("Observation/obs-p2-canary-upd")]),
        Cell(role: .clinician, scopes: "user/*.cruds", request: .patch("Observation/obs-p2-canary-deleted", MatrixBody.amend), expect: .status(404), then: [.gone("Observation/obs-p2-canary-deleted")]),
        Cell(role: .clinician, scopes: "user/*.cruds", request: .patch("Observation/obs-p1-move", MatrixBody.moveTo("p2-canary")), expect: .status(403), then: [.unchanged("Observation/obs-p1-move")]),
        Cell(role: .dataSteward, scopes: "user/*.cruds", request: .patch("Observation/obs-p1-keep", MatrixBody.amend), expect: .status(403), then: [.unchanged("Observation/obs-p1-keep")]),
        Cell(role: .administrator, scopes: "user/*.cruds", request: .patch("Observation/obs-p2-canary-admin-patch", MatrixBody.amend), expect: .resource("Observation/obs-p2-canary-admin-patch", version: "2")),
        Cell(role: .researcher, scopes: "user/*.cruds", request: .patch("Observation/obs-p1-keep", MatrixBody.amend), expect: .status(403), then: [.unchanged("Observation/obs-p1-keep")]),
        Cell(role: .noRole, scopes: "system/*.rs", request: .patch("Observation/obs-p1-keep", MatrixBody.amend), expect: .status(403), then: [.unchanged("Observation/obs-p1-keep")]),
    ]

    // MARK: delete — 15 cells

    static let delete: [Cell] = [
        Cell(role: .patient, scopes: "patient/*.cruds", launchPatient: "p1", request: .delete("Observation/obs-p1-del-patient"), expect: .status(204), then: [.gone("Observation/obs-p1-del-patient")]),
        Cell(role: .patient, scopes: "patient/*.cruds", launchPatient: "p1", request: .delete("Observation/obs-p2-canary-del"), expect: .status(204), then: [.unchanged("Observation/obs-p2-canary-del")]),
        Cell(role: .patient, scopes: "patient/*.rs", launchPatient: "p1", request: .delete("Observation/obs-p1-keep"), expect: .status(403), then: [.unchanged("Observation/obs-p1-keep")]),
        Cell(role: .patient, scopes: "patient/*.write", launchPatient: "p1", request: .delete("Observation/obs-p1-del-patient-v1"), expect: .status(204), then: [.gone("Observation/obs-p1-del-patient-v1")]),
        Cell(role: .patient, scopes: "user/*.cruds", request: .delete("Patient/p2-canary"), expect: .status(204), then: [.unchanged("Patient/p2-canary")]),
        Cell(role: .clinician, scopes: "user/*.cruds", request: .delete("Observation/obs-p1-del-clinician"), expect: .status(204), then: [.gone("Observation/obs-p1-del-clinician")]),
        Cell(role: .clinician, scopes: "user/*.cruds", request: .delete("Observation/obs-p2-canary-del"), expect: .status(204), then: [.unchanged("Observation/obs-p2-canary-del")]),
        Cell(role: .clinician, scopes: "user/*.cruds", request: .delete("Patient/p2-canary"), expect: .status(204), then: [.unchanged("Patient/p2-canary")]),
        Cell(role: .dataSteward, scopes: "user/*.cruds", request: .delete("Observation/obs-p1-keep"), expect: .status(403), then: [.unchanged("Observation/obs-p1-keep")]),
        Cell(role: .administrator, scopes: "user/*.cruds", request: .delete("Observation/obs-p2-canary-admin-del"), expect: .status(204), then: [.gone("Observation/obs-p2-canary-admin-del")]),
        Cell(role: .administrator, scopes: "user/*.cruds", request: .delete("Observation/obs-p1-del-admin"), expect: .status(204), then: [.gone("Observation/obs-p1-del-admin")]),
        Cell(role: .administrator, scopes: "patient/*.cruds", launchPatient: "p1", request: .delete("Observation/obs-p2-canary-del"), expect: .status(204), then: [.unchanged("Observation/obs-p2-canary-del")]),
        Cell(role: .researcher, scopes: "user/*.cruds", request: .delete("Observation/obs-p1-keep"), expect: .status(403), then: [.unchanged("Observation/obs-p1-keep")]),
        Cell(role: .noRole, scopes: "system/*.cruds", request: .delete("Observation/obs-p1-del-system"), expect: .status(204), then: [.gone("Observation/obs-p1-del-system")]),
        Cell(role: .noRole, scopes: "system/*.rs", request: .delete("Observation/obs-p1-keep"), expect: .status(403), then: [.unchanged("Observation/obs-p1-keep")]),
    ]

    // MARK: conditional update — 12 cells

    static let conditionalUpdate: [Cell] = [
        Cell(role: .patient, scopes: "patient/*.cruds", launchPatient: "p1", request: .put(withIdentifier("cond-canary"), MatrixBody.observation("p1", identifier: "cond-created-patient")), expect: .created("Observation"), then: [.unchanged("Observation/obs-p2-canary-cond"), .matchCount(withIdentifier("cond-created-patient"), 1)]),
        Cell(role: .patient, scopes: "patient/*.cruds", launchPatient: "p1", request: .put(withIdentifier("cond-canary"), MatrixBody.observation("p2-canary", identifier: "cond-refused-patient")), expect: .status(403), then: [.unchanged("Observation/obs-p2-canary-cond"), .noMatch(withIdentifier("cond-refused-patient"))]),
        Cell(role: .patient, scopes: "patient/*.cruds", launchPatient: "p1", request: .put(withIdentifier("cond-patient-upd"), MatrixBody.observation("p1", identifier: "cond-patient-upd")), expect: .resource("Observation/obs-p1-cond-patient-upd", version: "2")),
        Cell(role: .patient, scopes: "patient/*.rs", launchPatient: "p1", request: .put(withIdentifier("cond-keep"), MatrixBody.observation("p1", identifier: "cond-keep")), expect: .status(403), then: [.unchanged("Observation/obs-p1-cond-keep")]),
        Cell(role: .clinician, scopes: "user/*.cruds", request: .put(withIdentifier("cond-canary"), MatrixBody.observation("p1", identifier: "cond-created-clinician")), expect: .created("Observation"), then: [.unchanged("Observation/obs-p2-canary-cond"), .matchCount(withIdentifier("cond-created-clinician"), 1)]),
        Cell(role: .clinician, scopes: "user/*.cruds", request: .put(withIdentifier("cond-clinician-upd"), MatrixBody.observation("p1", identifier: "cond-clinician-upd")), expect: .resource("Observation/obs-p1-cond-clinician-upd", version: "2")),
        Cell(role: .dataSteward, scopes: "user/*.cruds", request: .put(withIdentifier("cond-keep"), MatrixBody.observation("p1", identifier: "cond-keep")), expect: .status(403), then: [.unchanged("Observation/obs-p1-cond-keep")]),
        Cell(role: .administrator, scopes: "user/*.cruds", request: .put(withIdentifier("cond-canary-admin-upd"), MatrixBody.observation("p2-canary", identifier: "cond-canary-admin-upd")), expect: .resource("Observation/obs-p2-canary-cond-admin-upd", version: "2")),
        Cell(role: .administrator, scopes: "patient/*.cruds", launchPatient: "p1", request: .put(withIdentifier("cond-canary"), MatrixBody.observation("p1", identifier: "cond-created-admin-launch")), expect: .created("Observation"), then: [.unchanged("Observation/obs-p2-canary-cond"), .matchCount(withIdentifier("cond-created-admin-launch"), 1)]),
        Cell(role: .researcher, scopes: "user/*.cruds", request: .put(withIdentifier("cond-keep"), MatrixBody.observation("p1", identifier: "cond-keep")), expect: .status(403), then: [.unchanged("Observation/obs-p1-cond-keep")]),
        Cell(role: .noRole, scopes: "system/*.cruds", request: .put(withIdentifier("cond-canary-system-upd"), MatrixBody.observation("p2-canary", identifier: "cond-canary-system-upd")), expect: .resource("Observation/obs-p2-canary-cond-system-upd", version: "2")),
        Cell(role: .noRole, scopes: "patient/*.cruds", launchPatient: "p1", request: .put(withIdentifier("cond-canary"), MatrixBody.observation("p1", identifier: "cond-created-system-launch")), expect: .created("Observation"), then: [.unchanged("Observation/obs-p2-canary-cond"), .matchCount(withIdentifier("cond-created-system-launch"), 1)]),
    ]

    // MARK: conditional delete — 11 cells

    static let conditionalDelete: [Cell] = [
        Cell(role: .patient, scopes: "patient/*.cruds", launchPatient: "p1", request: .delete(withIdentifier("cond-canary")), expect: .status(204), then: [.unchanged("Observation/obs-p2-canary-cond")]),
        Cell(role: .patient, scopes: "patient/*.cruds", launchPatient: "p1", request: .delete(withIdentifier("cond-patient-del")), expect: .status(204), then: [.gone("Observation/obs-p1-cond-patient-del")]),
        Cell(role: .patient, scopes: "patient/*.rs", launchPatient: "p1", request: .delete(withIdentifier("cond-keep")), expect: .status(403), then: [.unchanged("Observation/obs-p1-cond-keep")]),
        Cell(role: .clinician, scopes: "user/*.cruds", request: .delete(withIdentifier("cond-canary")), expect: .status(204), then: [.unchanged("Observation/obs-p2-canary-cond")]),
        Cell(role: .clinician, scopes: "user/*.cruds", request: .delete(withIdentifier("cond-clinician-del")), expect: .status(204), then: [.gone("Observation/obs-p1-cond-clinician-del")]),
        Cell(role: .dataSteward, scopes: "user/*.cruds", request: .delete(withIdentifier("cond-keep")), expect: .status(403), then: [.unchanged("Observation/obs-p1-cond-keep")]),
        Cell(role: .administrator, scopes: "user/*.cruds", request: .delete(withIdentifier("cond-canary-admin-del")), expect: .status(204), then: [.gone("Observation/obs-p2-canary-cond-admin-del")]),
        Cell(role: .administrator, scopes: "patient/*.cruds", launchPatient: "p1", request: .delete(withIdentifier("cond-canary")), expect: .status(204), then: [.unchanged("Observation/obs-p2-canary-cond")]),
        Cell(role: .researcher, scopes: "user/*.cruds", request: .delete(withIdentifier("cond-keep")), expect: .status(403), then: [.unchanged("Observation/obs-p1-cond-keep")]),
        Cell(role: .noRole, scopes: "system/*.rs", request: .delete(withIdentifier("cond-keep")), expect: .status(403), then: [.unchanged("Observation/obs-p1-cond-keep")]),
        Cell(role: .noRole, scopes: "patient/*.cruds", launchPatient: "p1", request: .delete(withIdentifier("cond-canary")), expect: .status(204), then: [.unchanged("Observation/obs-p2-canary-cond")]),
    ]

    // MARK: transaction — 19 cells

    static let transaction: [Cell] = [
        Cell(role: .patient, scopes: "patient/*.cruds", launchPatient: "p1", request: .transaction([
            .post("Observation", MatrixBody.observation("p1", identifier: "tx-patient-own")),
            .post("Observation", MatrixBody.observation("p2-canary", identifier: "tx-patient-other")),
        ]), expect: .status(403), then: [.noMatch(withIdentifier("tx-patient-own")), .noMatch(withIdentifier("tx-patient-other"))]),
        Cell(role: .patient, scopes: "patient/*.cruds", launchPatient: "p1", request: .transaction([
            .post("Observation", MatrixBody.observation("p1", identifier: "tx-patient-ok")),
            .post("Observation", MatrixBody.observation("p1", category: "vital-signs", identifier: "tx-patient-ok")),
        ]), expect: .entries([201, 201]), then: [.matchCount(withIdentifier("tx-patient-ok"), 2)]),
        Cell(role: .patient, scopes: "patient/*.cruds", launchPatient: "p1", request: .transaction([.get("Observation/obs-p2-canary-lab")]), expect: .status(404)),
        Cell(role: .patient, scopes: "patient/*.cruds", launchPatient: "p1", request: .transaction([
            .post("Observation", MatrixBody.observation("p1", identifier: "tx-patient-put")),
            .put("Observation/obs-p2-canary-upd", MatrixBody.observation("p1", id: "obs-p2-canary-upd")),
        ]), expect: .status(404), then: [.unchanged("Observation/obs-p2-canary-upd"), .noMatch(withIdentifier("tx-patient-put"))]),
        Cell(role: .patient, scopes: "patient/*.rs", launchPatient: "p1", request: .transaction([.post("Observation", MatrixBody.observation("p1", identifier: "tx-patient-rs"))]), expect: .status(403), then: [.noMatch(withIdentifier("tx-patient-rs"))]),
        Cell(role: .clinician, scopes: "user/*.cruds", request: .transaction([
            .post("Observation", MatrixBody.observation("p1", identifier: "tx-clinician-own")),
            .post("Observation", MatrixBody.observation("p2-canary", identifier: "tx-clinician-other")),
        ]), expect: .status(403), then: [.noMatch(withIdentifier("tx-clinician-own")), .noMatch(withIdentifier("tx-clinician-other"))]),
        Cell(role: .clinician, scopes: "user/*.cruds", request: .transaction([
            .post("Observation", MatrixBody.observation("p1", identifier: "tx-clinician-ok")),
            .delete("Observation/obs-p2-canary-del"),
        ]), expect: .entries([201, 204]), then: [.matchCount(withIdentifier("tx-clinician-ok"), 1), .unchanged("Observation/obs-p2-canary-del")]),
        Cell(role: .dataSteward, scopes: "user/*.cruds", request: .transaction([.post("Observation", MatrixBody.observation("p1", identifier: "tx-steward"))]), expect: .status(403), then: [.noMatch(withIdentifier("tx-steward"))]),
        Cell(role: .administrator, scopes: "user/*.cruds", request: .transaction([
            .post("Observation", MatrixBody.observation("p1", identifier: "tx-admin")),
            .post("Observation", MatrixBody.observation("p2-canary", identifier: "tx-admin")),
        ]), expect: .entries([201, 201]), then: [.matchCount(withIdentifier("tx-admin"), 2)]),
        Cell(role: .administrator, scopes: "patient/*.cruds", launchPatient: "p1", request: .transaction([
            .post("Observation", MatrixBody.observation("p1", identifier: "tx-admin-launch-own")),
            .post("Observation", MatrixBody.observation("p2-canary", identifier: "tx-admin-launch-other")),
        ]), expect: .status(403), then: [.noMatch(withIdentifier("tx-admin-launch-own")), .noMatch(withIdentifier("tx-admin-launch-other"))]),
        Cell(role: .researcher, scopes: "user/*.cruds", request: .transaction([.post("Observation", MatrixBody.observation("p1", identifier: "tx-researcher"))]), expect: .status(403), then: [.noMatch(withIdentifier("tx-researcher"))]),
        Cell(role: .noRole, scopes: "system/*.cruds", request: .transaction([
            .post("Observation", MatrixBody.observation("p1", identifier: "tx-system")),
            .post("Observation", MatrixBody.observation("p2-canary", identifier: "tx-system")),
        ]), expect: .entries([201, 201]), then: [.matchCount(withIdentifier("tx-system"), 2)]),
        Cell(role: .noRole, scopes: "system/*.rs", request: .transaction([.post("Observation", MatrixBody.observation("p1", identifier: "tx-system-rs"))]), expect: .status(403), then: [.noMatch(withIdentifier("tx-system-rs"))]),
        // Conditional creates and conditional references inside a transaction.
        Cell(role: .patient, scopes: "patient/*.cruds", launchPatient: "p1", request: .transaction([
            .headers(["If-None-Exist": "identifier=http://kiln.test/matrix|cond-canary"], .post("Observation", MatrixBody.observation("p1", identifier: "tx-ine-patient"))),
        ]), expect: .entries([201]), then: [.unchanged("Observation/obs-p2-canary-cond"), .matchCount(withIdentifier("tx-ine-patient"), 1)]),
        Cell(role: .clinician, scopes: "user/*.cruds", request: .transaction([
            .headers(["If-None-Exist": "_id=p2-canary"], .post("Patient", MatrixBody.patient(family: "Txifnoneexist"))),
        ]), expect: .entries([201]), then: [.unchanged("Patient/p2-canary"), .matchCount("Patient?family=Txifnoneexist", 1)]),
        Cell(role: .patient, scopes: "patient/*.cruds", launchPatient: "p1", request: .transaction([
            .post("Observation", MatrixBody.observation(subject: "Patient?family=Visible", identifier: "tx-condref-p1")),
        ]), expect: .entries([201]), then: [.matchCount(withIdentifier("tx-condref-p1") + "&subject=Patient/p1", 1)]),
        Cell(role: .patient, scopes: "patient/*.cruds", launchPatient: "p1", request: .transaction([
            .post("Observation", MatrixBody.observation(subject: "Patient?_id=nobody", identifier: "tx-condref-nobody")),
        ]), expect: .status(404), then: [.noMatch(withIdentifier("tx-condref-nobody"))]),
        Cell(role: .patient, scopes: "patient/*.cruds", launchPatient: "p1", request: .transaction([
            .post("Observation", MatrixBody.observation(subject: "Patient?_id=p2-canary", identifier: "tx-condref-canary")),
        ]), expect: .status(404), then: [.noMatch(withIdentifier("tx-condref-canary"))]),
        Cell(role: .administrator, scopes: "user/*.cruds", request: .transaction([
            .post("Observation", MatrixBody.observation(subject: "Patient?_id=p2-canary", identifier: "tx-condref-admin")),
        ]), expect: .entries([201]), then: [.matchCount(withIdentifier("tx-condref-admin") + "&subject=Patient/p2-canary", 1)]),
    ]

    // MARK: batch that writes — 6 cells

    static let batchWrite: [Cell] = [
        Cell(role: .patient, scopes: "patient/*.cruds", launchPatient: "p1", request: .batch([
            .post("Observation", MatrixBody.observation("p1", identifier: "batch-patient-own")),
            .post("Observation", MatrixBody.observation("p2-canary", identifier: "batch-patient-other")),
        ]), expect: .entries([201, 403]), then: [.matchCount(withIdentifier("batch-patient-own"), 1), .noMatch(withIdentifier("batch-patient-other"))]),
        Cell(role: .clinician, scopes: "user/*.cruds", request: .batch([
            .post("Observation", MatrixBody.observation("p1", identifier: "batch-clinician-own")),
            .delete("Observation/obs-p2-canary-del"),
            .put("Observation/obs-p2-canary-upd", MatrixBody.observation("p1", id: "obs-p2-canary-upd")),
        ]), expect: .entries([201, 204, 404]), then: [
            .matchCount(withIdentifier("batch-clinician-own"), 1), .unchanged("Observation/obs-p2-canary-del"), .unchanged("Observation/obs-p2-canary-upd"),
        ]),
        Cell(role: .dataSteward, scopes: "user/*.cruds", request: .batch([
            .post("Observation", MatrixBody.observation("p1", identifier: "batch-steward")),
            .delete("Observation/obs-p1-keep"),
        ]), expect: .entries([403, 403]), then: [.noMatch(withIdentifier("batch-steward")), .unchanged("Observation/obs-p1-keep")]),
        Cell(role: .administrator, scopes: "patient/*.cruds", launchPatient: "p1", request: .batch([
            .post("Observation", MatrixBody.observation("p2-canary", identifier: "batch-admin-launch-other")),
        ]), expect: .entries([403]), then: [.noMatch(withIdentifier("batch-admin-launch-other"))]),
        Cell(role: .researcher, scopes: "user/*.cruds", request: .batch([.post("Observation", MatrixBody.observation("p1", identifier: "batch-researcher"))]), expect: .status(403), then: [.noMatch(withIdentifier("batch-researcher"))]),
        Cell(role: .noRole, scopes: "system/*.cruds", request: .batch([
            .post("Observation", MatrixBody.observation("p2-canary", identifier: "batch-system-other")),
            .delete("Observation/obs-p1-del-batch"),
        ]), expect: .entries([201, 204]), then: [.matchCount(withIdentifier("batch-system-other"), 1), .gone("Observation/obs-p1-del-batch")]),
    ]
}

extension AccessMatrixCases {
    // MARK: versions of resources moved between compartments or categories — 17 cells
    //
    // cond-moved-to-p1 was the hidden patient's (version 1, with the marker word) and is p1's
    // now; cond-moved-to-canary was p1's and is the hidden patient's now; obs-p1-recategorised was
    // vital-signs and is laboratory now. A version is the data of the patient (and the category)
    // it was written for, so a caller sees a version only when it may see both that version and
    // the current one — not every version of a resource whose current version it may see.

    static let movedVersions: [Cell] = [
        Cell(role: .patient, scopes: "patient/*.rs", launchPatient: "p1", request: .get("Condition/cond-moved-to-p1"), expect: .resource("Condition/cond-moved-to-p1", version: "2")),
        Cell(role: .patient, scopes: "patient/*.rs", launchPatient: "p1", request: .get("Condition/cond-moved-to-p1/_history/1"), expect: .status(404)),
        Cell(role: .patient, scopes: "patient/*.rs", launchPatient: "p1", request: .get("Condition/cond-moved-to-p1/_history"), expect: .ok(ids: ["Condition/cond-moved-to-p1"])),
        Cell(role: .patient, scopes: "patient/*.rs", launchPatient: "p1", request: .get("Condition/_history"), expect: .ok(ids: ["Condition/cond-moved-to-p1"])),
        Cell(role: .patient, scopes: "patient/*.rs", launchPatient: "p1", request: .get("Condition/cond-moved-to-canary/_history/1"), expect: .status(404)),
        Cell(role: .patient, scopes: "patient/*.rs", launchPatient: "p1", request: .get("Condition/cond-moved-to-canary/_history"), expect: .status(404)),
        Cell(role: .patient, scopes: "patient/Observation.rs", launchPatient: "p1", request: .get("Condition/cond-moved-to-p1/_history/1"), expect: .status(403)),
        Cell(role: .patient, scopes: labOnly, launchPatient: "p1", request: .get("Observation/obs-p1-recategorised/_history/1"), expect: .status(404)),
        Cell(role: .patient, scopes: labOnly, launchPatient: "p1", request: .get("Observation/obs-p1-recategorised/_history"), expect: .ok(ids: ["Observation/obs-p1-recategorised"])),
        Cell(role: .patient, scopes: "patient/*.rs", launchPatient: "p1", request: .get("Observation/obs-p1-recategorised/_history"), expect: .ok(ids: ["Observation/obs-p1-recategorised", "Observation/obs-p1-recategorised"])),
        Cell(role: .clinician, scopes: "user/*.rs", request: .get("Condition/cond-moved-to-p1/_history/1"), expect: .status(404)),
        Cell(role: .clinician, scopes: "user/*.rs", request: .get("Condition/_history"), expect: .ok(ids: ["Condition/cond-moved-to-p1"])),
        Cell(role: .dataSteward, scopes: "user/*.rs", request: .get("Condition/_history"), expect: .ok(ids: [
            "Condition/cond-moved-to-p1", "Condition/cond-moved-to-p1", "Condition/cond-moved-to-canary", "Condition/cond-moved-to-canary",
        ])),
        Cell(role: .administrator, scopes: "patient/*.rs", launchPatient: "p1", request: .get("Condition/cond-moved-to-p1/_history/1"), expect: .status(404)),
        Cell(role: .researcher, scopes: "user/*.rs", request: .get("Condition/_history"), expect: .status(403)),
        Cell(role: .noRole, scopes: "system/*.rs", request: .get("Condition/cond-moved-to-canary/_history"), expect: .ok(ids: ["Condition/cond-moved-to-canary", "Condition/cond-moved-to-canary"])),
        Cell(role: .noRole, scopes: "patient/*.rs", launchPatient: "p1", request: .get("Condition/cond-moved-to-p1/_history"), expect: .ok(ids: ["Condition/cond-moved-to-p1"])),
    ]
}
