import FHIRAccess
import FHIRAudit
import FHIRModel
import FHIRSearch
import FHIRStore
import Foundation

/// `AuditEvent` under `/fhir`: Kiln's own audit log, read-only. Administrators, data stewards
/// and system clients (a backend without a role, such as a SIEM) whose scopes grant AuditEvent
/// read and search every record; a patient searches the records about themselves (their
/// accounting of disclosures), each reduced by ``FHIRAudit/AuditEventRedaction``; anyone else
/// is refused. Records are served exactly as stored. Every read of the log is audited too.
/// `GET AuditEvent/[id]/$proof` (administrators) gives the record's inclusion proof against
/// the latest checkpoint. Creating, changing or deleting an AuditEvent is 405 for everyone.
struct AuditEventEndpoint: Sendable {
    let service: FHIRService
    let log: AuditLogStore
    let proofCache: AuditSubtreeCache

    /// Who is asking, as far as the log is concerned.
    private enum Reader {
        /// Every record, whole.
        case auditor
        /// The records about one patient, reduced.
        case patient(String)
    }

    func respond(to request: FHIRRequest) async throws -> FHIRResponse {
        switch (request.route, request.method) {
        case (.type, .get), (.type, .head), (.typeSearch, .post):
            return try await search(request)
        case (.instance(_, let id), .get), (.instance(_, let id), .head):
            return try await read(id: id, request: request)
        case (.operation("proof", _, let id?), .get):
            return try await proof(id: id, request: request)
        case (.operation(let name, _, _), _):
            throw FHIRError(status: 404, code: .notSupported, "The operation $\(name) is not supported on AuditEvent; AuditEvent/[id]/$proof is")
        default:
            throw FHIRError.methodNotAllowed(
                "The audit log is append-only and written by Kiln alone: \(request.method.rawValue) of an AuditEvent is not allowed",
                allow: ["GET", "HEAD"])
        }
    }

    private func reader(for request: FHIRRequest, interaction: Interaction) throws(FHIRError) -> Reader {
        _ = try service.authorize(interaction, request: request, type: "AuditEvent")
        let principal = request.principal
        switch principal.role {
        case "administrator", "data-steward":
            return .auditor
        case "patient":
            guard let fhirUser = principal.fhirUser, let id = fhirUser.split(separator: "/").last, fhirUser.contains("Patient/") else {
                throw FHIRError.forbidden("A patient's token names no Patient record (fhirUser), so there is no accounting of disclosures to show")
            }
            return .patient(String(id))
        case nil:
            return .auditor
        case let role?:
            throw FHIRError.forbidden("The audit log is read by administrators, data stewards and patients (their own accounting); not by the role \(role)")
        }
    }

    private func search(_ request: FHIRRequest) async throws -> FHIRResponse {
        let reader = try reader(for: request, interaction: .searchType)
        var query = try AuditEventSearchParameters.query(request.query, lenient: request.preferHandling == .lenient)
        if case .patient(let id) = reader {
            // A patient's search is confined to their own records, whatever it asks.
            guard request.values(of: "patient").allSatisfy({ $0 == id || $0 == "Patient/\(id)" }) else {
                throw FHIRError.forbidden("A patient sees the records about themselves only")
            }
            query.patients = ["Patient/\(id)"]
        }
        let page = try await log.search(query)
        var entries: [JSONValue] = []
        for record in page.records {
            guard let event = try served(record.canonical, reader: reader) else { continue }
            entries.append([
                "fullUrl": .string("\(service.baseURL)/AuditEvent/\(event["id"]?.stringValue ?? "")"),
                "resource": event,
                "search": ["mode": "match"],
            ])
        }
        let path = "\(service.baseURL)/AuditEvent"
        let kept = request.query.filter { !["_cursor", "_count"].contains($0.name) }
            .map { "\(FHIRService.encodeQueryValue($0.name))=\(FHIRService.encodeQueryValue($0.value))" } + ["_count=\(query.count)"]
        var links: [(relation: String, url: String)] = [("self", path + "?" + (kept + (query.after.map { ["_cursor=\($0)"] } ?? [])).joined(separator: "&"))]
        if page.hasMore, let last = page.records.last {
            links.append(("next", path + "?" + (kept + ["_cursor=\(last.sequence)"]).joined(separator: "&")))
        }
        return FHIRResponse(status: 200, body: .json(BundleBuilder.bundle(type: "searchset", links: links, entries: entries)))
    }

    private func read(id: String, request: FHIRRequest) async throws -> FHIRResponse {
        let reader = try reader(for: request, interaction: .read)
        var query = AuditLogQuery()
        query.ids = [id]
        query.count = 1
        if case .patient(let patient) = reader { query.patients = ["Patient/\(patient)"] }
        guard let record = try await log.search(query).records.first, let event = try served(record.canonical, reader: reader) else {
            throw FHIRError.notFound("AuditEvent/\(id) is not known")
        }
        if case .auditor = reader {
            return FHIRResponse(status: 200, body: .text(String(decoding: record.canonical, as: UTF8.self)))
        }
        return FHIRResponse(status: 200, body: .json(event))
    }

    private func proof(id: String, request: FHIRRequest) async throws -> FHIRResponse {
        _ = try service.authorize(.operation, request: request, type: "AuditEvent", id: id)
        guard request.principal.role == "administrator" || request.accessController == nil else {
            throw FHIRError.forbidden("Inclusion proofs of the audit log are for administrators")
        }
        do {
            return FHIRResponse(status: 200, body: .json(try await AuditProofs.inclusionProof(log: log, recordID: id, cache: proofCache)))
        } catch {
            throw error.fhirError
        }
    }

    /// A stored record as this reader may see it; nil when a patient may not see it at all.
    private func served(_ canonical: [UInt8], reader: Reader) throws(FHIRError) -> JSONValue? {
        let event: JSONValue
        do {
            event = try JSONParser(limits: JSONLimits(maximumDepth: 64)).parse(canonical)
        } catch {
            throw FHIRError.internalError("A stored audit record is not valid JSON")
        }
        switch reader {
        case .auditor: return event
        case .patient(let id): return AuditEventRedaction.forPatient(event, patientID: id)
        }
    }
}
