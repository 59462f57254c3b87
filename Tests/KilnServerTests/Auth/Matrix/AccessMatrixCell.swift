import FHIRModel
import Foundation
import Testing

// The vocabulary of the access matrix: who calls (role, scopes, launch patient), what they
// send, and what Kiln must answer. Every expected answer is written by hand in the cases files.

/// The caller's Kiln role, as the token carries it.
enum MatrixRole: String, Sendable, CaseIterable {
    /// fhirUser `Patient/p1`: their own compartment.
    case patient
    /// Assigned the patient p1 only.
    case clinician
    /// Reads everything, writes nothing.
    case dataSteward = "data-steward"
    /// Everything.
    case administrator
    /// The clinical view `/fhir` is closed to it.
    case researcher
    /// A backend client registered without a role: its scopes alone decide.
    case noRole = "no role"
}

/// One FHIR request of a cell. Paths are relative to the FHIR base; bodies are JSON text.
indirect enum MatrixRequest: Sendable, CustomStringConvertible {
    case get(String)
    case post(String, String)
    case put(String, String)
    case patch(String, String)
    case delete(String)
    /// `POST [base]` with a batch Bundle of these requests.
    case batch([MatrixRequest])
    /// `POST [base]` with a transaction Bundle of these requests.
    case transaction([MatrixRequest])
    /// The request with these headers (`If-None-Exist`, `If-Match`; in a Bundle, the entry's
    /// `request.ifNoneExist` and `request.ifMatch`).
    case headers([String: String], MatrixRequest)

    var description: String {
        switch self {
        case .get(let path): "GET \(path)"
        case .post(let path, let body): "POST \(path) \(Self.summary(body))"
        case .put(let path, let body): "PUT \(path) \(Self.summary(body))"
        case .patch(let path, let body): "PATCH \(path) \(body)"
        case .delete(let path): "DELETE \(path)"
        case .batch(let entries): "batch [\(entries.map(\.description).joined(separator: "; "))]"
        case .transaction(let entries): "transaction [\(entries.map(\.description).joined(separator: "; "))]"
        case .headers(let headers, let request): "\(request) with " + headers.sorted { $0.key < $1.key }.map { "\($0.key): \($0.value)" }.joined(separator: ", ")
        }
    }

    /// Whether the request writes something that names the hidden patient (its response may
    /// then name it too: the written resource, when the write is allowed).
    var writesCanary: Bool {
        switch self {
        case .get: false
        case .post, .put, .patch, .delete: description.contains("canary")
        case .batch(let entries), .transaction(let entries): entries.contains(where: \.writesCanary)
        case .headers(_, let request): request.writesCanary
        }
    }

    /// The resource's type and the patient it belongs to, for test names.
    private static func summary(_ body: String) -> String {
        guard let resource = try? JSONParser().parse(body) else { return "(unparsable body)" }
        let type = resource["resourceType"]?.stringValue ?? "?"
        let owner = resource["subject"]?["reference"]?.stringValue ?? resource["patient"]?["reference"]?.stringValue
        let category = resource["category"]?.arrayValue?.first?["coding"]?.arrayValue?.first?["code"]?.stringValue
        return "(" + [type, owner.map { "of \($0)" }, category].compactMap { $0 }.joined(separator: " ") + ")"
    }
}

/// What the server must answer.
enum MatrixExpectation: Sendable, CustomStringConvertible {
    /// 200 with a searchset or history Bundle whose entries hold exactly these resources
    /// (`Type/id`, once per entry: a resource with two versions in a history appears twice).
    case ok(ids: [String])
    /// 200 with a searchset Bundle whose total is this count.
    case total(Int)
    /// 200 with this resource (`Type/id`), at this version when given.
    case resource(String, version: String? = nil)
    /// 201 with a new resource: `Type` (server-assigned id) or `Type/id`.
    case created(String)
    /// This status; the body (if any) is only checked for leaks.
    case status(Int)
    /// 200 with a batch- or transaction-response whose entries have these statuses, in order,
    /// and, when `ids` is given, whose entry resources (nested searchsets flattened) are exactly
    /// those.
    case entries([Int], ids: [String]? = nil)

    var description: String {
        switch self {
        case .ok(let ids): "200 [\(ids.joined(separator: ", "))]"
        case .total(let total): "200 total \(total)"
        case .resource(let id, let version): "200 \(id)" + (version.map { " version \($0)" } ?? "")
        case .created(let what): "201 \(what)"
        case .status(let status): "\(status)"
        case .entries(let statuses, let ids): "200 entries \(statuses)" + (ids.map { " [\($0.joined(separator: ", "))]" } ?? "")
        }
    }

    /// Whether the expected answer itself shows the hidden patient's data (an unconfined caller).
    var showsCanary: Bool {
        switch self {
        case .ok(let ids): ids.contains { $0.contains("canary") }
        case .entries(_, let ids): ids?.contains { $0.contains("canary") } ?? false
        case .resource(let id, _), .created(let id): id.contains("canary")
        case .status, .total: false
        }
    }
}

/// What must hold afterwards, looked at with an unrestricted token.
enum MatrixAfterwards: Sendable, CustomStringConvertible {
    /// The resource is still at version 1 and not deleted.
    case unchanged(String)
    /// The resource is at this version.
    case version(String, String)
    /// The resource is deleted or absent (404 or 410).
    case gone(String)
    /// The search matches nothing.
    case noMatch(String)
    /// The search matches this many resources.
    case matchCount(String, Int)

    var description: String {
        switch self {
        case .unchanged(let id): "\(id) unchanged"
        case .version(let id, let version): "\(id) at version \(version)"
        case .gone(let id): "\(id) gone"
        case .noMatch(let search): "\(search) matches nothing"
        case .matchCount(let search, let count): "\(search) matches \(count)"
        }
    }
}

/// One cell of the matrix: one caller, one request, one expected answer.
struct Cell: Sendable, CustomTestStringConvertible {
    var role: MatrixRole
    /// The granted scopes, space-separated, exactly as the token carries them.
    var scopes: String
    /// The patient of the launch context (the token's `patient` claim).
    var launchPatient: String?
    var request: MatrixRequest
    var expect: MatrixExpectation
    /// Checks made afterwards with an unrestricted token (writes: nothing refused was stored).
    var then: [MatrixAfterwards]

    init(role: MatrixRole, scopes: String, launchPatient: String? = nil, request: MatrixRequest, expect: MatrixExpectation, then: [MatrixAfterwards] = []) {
        self.role = role
        self.scopes = scopes
        self.launchPatient = launchPatient
        self.request = request
        self.expect = expect
        self.then = then
    }

    var testDescription: String {
        let launch = launchPatient.map { ", launch \($0)" } ?? ""
        let afterwards = then.isEmpty ? "" : "; then \(then.map(\.description).joined(separator: ", "))"
        return "\(role.rawValue) [\(scopes)\(launch)] \(request) → \(expect)\(afterwards)"
    }
}

/// Request bodies of the cells, as JSON text.
enum MatrixBody {
    static let identifierSystem = "http://kiln.test/matrix"
    static let categorySystem = "http://terminology.hl7.org/CodeSystem/observation-category"

    /// An Observation of `patient`; resources of the hidden patient carry the marker word.
    static func observation(_ patient: String, id: String? = nil, category: String = "laboratory", identifier: String? = nil, marker: Bool = false) -> String {
        observation(subject: "Patient/\(patient)", id: id, category: category, identifier: identifier, marker: marker)
    }

    /// An Observation whose subject is `subject` (a conditional reference in a transaction).
    static func observation(subject: String, id: String? = nil, category: String = "laboratory", identifier: String? = nil, marker: Bool = false) -> String {
        let idMember = id.map { #""id": "\#($0)", "# } ?? ""
        let identifierMember = identifier.map { #", "identifier": [{"system": "\#(identifierSystem)", "value": "\#($0)"}]"# } ?? ""
        let note = marker ? #", "note": [{"text": "zebrafinch"}]"# : ""
        let code = category == "laboratory" ? "2339-0" : "8867-4"
        return """
            {"resourceType": "Observation", \(idMember)"status": "final",
             "category": [{"coding": [{"system": "\(categorySystem)", "code": "\(category)"}]}],
             "code": {"coding": [{"system": "http://loinc.org", "code": "\(code)"}]},
             "subject": {"reference": "\(subject)"}, "valueQuantity": {"value": 95, "unit": "mg/dL"}\(identifierMember)\(note)}
            """
    }

    /// A Patient; `id` nil for a create.
    static func patient(id: String? = nil, family: String) -> String {
        let idMember = id.map { #""id": "\#($0)", "# } ?? ""
        return #"{"resourceType": "Patient", \#(idMember)"name": [{"family": "\#(family)"}], "generalPractitioner": [{"reference": "Practitioner/gp"}]}"#
    }

    /// A DiagnosticReport of `patient` (for a create).
    static func report(_ patient: String) -> String {
        #"{"resourceType": "DiagnosticReport", "status": "final", "code": {"coding": [{"system": "http://loinc.org", "code": "24323-8"}]}, "subject": {"reference": "Patient/\#(patient)"}}"#
    }

    /// A Condition of `patient`.
    static func condition(_ patient: String, id: String, marker: Bool = false) -> String {
        let note = marker ? #", "note": [{"text": "zebrafinch"}]"# : ""
        return """
            {"resourceType": "Condition", "id": "\(id)",
             "clinicalStatus": {"coding": [{"system": "http://terminology.hl7.org/CodeSystem/condition-clinical", "code": "active"}]},
             "code": {"text": "Hypertension"}, "subject": {"reference": "Patient/\(patient)"}\(note)}
            """
    }

    /// A Practitioner (for a create).
    static func practitioner(family: String) -> String {
        #"{"resourceType": "Practitioner", "name": [{"family": "\#(family)"}]}"#
    }

    /// A JSON Patch that sets the status.
    static let amend = #"[{"op": "replace", "path": "/status", "value": "amended"}]"#

    /// A JSON Patch that moves an Observation to another patient.
    static func moveTo(_ patient: String) -> String {
        #"[{"op": "replace", "path": "/subject/reference", "value": "Patient/\#(patient)"}]"#
    }
}
