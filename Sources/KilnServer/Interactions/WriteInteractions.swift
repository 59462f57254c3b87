import FHIRAccess
import FHIRModel
import FHIRStore
import Foundation
import SMARTAuth

/// Where a create lands: a new resource, or (conditional create) one that already matches.
enum CreateTarget: Sendable {
    /// Create with this new id.
    case new(id: String)
    /// `If-None-Exist` matched this resource: nothing is created.
    case existing(id: String)
}

/// What a write did: its response, and the versions it wrote, for
/// ``FHIRService/recordWrites(_:for:in:)``.
struct WriteOutcome: Sendable {
    /// The response to the write.
    var response: FHIRResponse
    /// The versions written; empty when the write changed nothing.
    var written: [WrittenVersion]
}

extension FHIRService {
    /// `POST [type]`, with optional `If-None-Exist`.
    func create(type: String, request: FHIRRequest, in transaction: StoreTransaction) async throws -> FHIRResponse {
        try await recorded(try await createWrite(type: type, request: request, in: transaction), for: request, in: transaction)
    }

    /// `PUT [type]/[id]`.
    func update(type: String, id: String, request: FHIRRequest, in transaction: StoreTransaction) async throws -> FHIRResponse {
        try await recorded(try await updateWrite(type: type, id: id, request: request, in: transaction), for: request, in: transaction)
    }

    /// `PUT [type]?criteria`.
    func conditionalUpdate(type: String, request: FHIRRequest, in transaction: StoreTransaction) async throws -> FHIRResponse {
        try await recorded(try await conditionalUpdateWrite(type: type, request: request, in: transaction), for: request, in: transaction)
    }

    /// `PATCH [type]/[id]`.
    func patch(type: String, id: String, request: FHIRRequest, in transaction: StoreTransaction) async throws -> FHIRResponse {
        try await recorded(try await patchWrite(type: type, id: id, request: request, in: transaction), for: request, in: transaction)
    }

    /// `DELETE [type]/[id]`.
    func delete(type: String, id: String, request: FHIRRequest, in transaction: StoreTransaction) async throws -> FHIRResponse {
        try await recorded(try await deleteWrite(type: type, id: id, request: request, in: transaction), for: request, in: transaction)
    }

    /// `DELETE [type]?criteria`.
    func conditionalDelete(type: String, request: FHIRRequest, in transaction: StoreTransaction) async throws -> FHIRResponse {
        try await recorded(try await conditionalDeleteWrite(type: type, request: request, in: transaction), for: request, in: transaction)
    }

    /// The write's response, once what it wrote is recorded in the same transaction.
    private func recorded(_ outcome: WriteOutcome, for request: FHIRRequest, in transaction: StoreTransaction) async throws -> FHIRResponse {
        try await recordWrites(outcome.written, for: request, in: transaction)
        return outcome.response
    }

    /// Performs a write entry of a transaction Bundle without recording it: the Bundle records
    /// the writes of all its entries together. Any other request is performed as usual.
    func unrecordedWrite(_ request: FHIRRequest, in transaction: StoreTransaction) async throws -> WriteOutcome {
        if let type = request.route.resourceType { try checkResourceType(type) }
        switch (request.route, request.method) {
        case (.type(let type), .post): return try await createWrite(type: type, request: request, in: transaction)
        case (.instance(let type, let id), .put): return try await updateWrite(type: type, id: id, request: request, in: transaction)
        case (.type(let type), .put): return try await conditionalUpdateWrite(type: type, request: request, in: transaction)
        case (.instance(let type, let id), .patch): return try await patchWrite(type: type, id: id, request: request, in: transaction)
        case (.instance(let type, let id), .delete): return try await deleteWrite(type: type, id: id, request: request, in: transaction)
        case (.type(let type), .delete): return try await conditionalDeleteWrite(type: type, request: request, in: transaction)
        default: return WriteOutcome(response: try await perform(request, in: transaction), written: [])
        }
    }

    /// A create, not yet recorded.
    private func createWrite(type: String, request: FHIRRequest, in transaction: StoreTransaction) async throws -> WriteOutcome {
        let target = try await resolveCreate(type: type, request: request, in: transaction)
        switch target {
        case .existing(let id):
            return WriteOutcome(response: try await existingResponse(type: type, id: id, request: request, in: transaction), written: [])
        case .new(let id):
            let write = try planCreate(type: type, id: id, body: request.body, in: transaction)
            let issues = try validationIssues(of: request, resource: try ResourceInput.resource(request.body, expectedType: type), type: type)
            try await transaction.write([write])
            try await requireCreatedVisible(type: type, id: id, request: request, in: transaction)
            let response = writeResponse(write.stored, status: 201, prefer: request.preferReturn, message: "Created", issues: issues)
            return WriteOutcome(response: response, written: [WrittenVersion(write)])
        }
    }

    /// Decides a create's id, or finds the resource that `If-None-Exist` matches (412 for several).
    func resolveCreate(type: String, request: FHIRRequest, in transaction: StoreTransaction) async throws -> CreateTarget {
        _ = try authorize(.create, request: request, type: type)
        guard let ifNoneExist = request.ifNoneExist else {
            return .new(id: ResourceIDGenerator.make(now: transaction.now))
        }
        // The criteria are a search: they match only what the caller may find.
        let filter = try authorize(.searchType, request: request, type: type)
        let criteria = try ConditionalCriteria(resourceType: type, queryString: ifNoneExist)
        let matches = try await matches(criteria, filter: filter, lock: true, in: transaction)
        switch matches.count {
        case 0: return .new(id: ResourceIDGenerator.make(now: transaction.now))
        case 1: return .existing(id: matches[0])
        default:
            throw FHIRError.preconditionFailed("If-None-Exist '\(ifNoneExist)' matches more than one \(type)", code: .multipleMatches)
        }
    }

    /// After a create: throws 403 (rolling the transaction back) when the new resource lies
    /// outside what the caller may create, e.g. an Observation of another patient.
    func requireCreatedVisible(type: String, id: String, request: FHIRRequest, in transaction: StoreTransaction) async throws {
        let filter = try authorize(.create, request: request, type: type)
        try await requireWrittenVisible(type: type, id: id, filter: filter, in: transaction)
        // A Patient a clinician creates becomes theirs, in the same transaction.
        if type == "Patient", let controller = request.accessController as? SMARTAccessController, controller.caller.role == .clinician {
            try await transaction.assignPatient(id, toUser: controller.caller.subject)
        }
    }

    /// The first version of a new resource; the body's own id, if any, is replaced.
    func planCreate(type: String, id: String, body: JSONValue?, in transaction: StoreTransaction) throws(FHIRError) -> ResourceVersionWrite {
        let resource = try ResourceInput.resource(body, expectedType: type)
        let stamped = ResourceStamp.stamp(resource, id: id, versionID: 1, lastUpdated: transaction.now)
        return ResourceVersionWrite(resourceType: type, id: id, versionID: 1, lastUpdated: transaction.now, method: .create, resource: stamped, index: indexEntries(of: stamped))
    }

    /// The response to a conditional create that matched an existing resource: 200 with it.
    func existingResponse(type: String, id: String, request: FHIRRequest, in transaction: StoreTransaction) async throws -> FHIRResponse {
        let filter = try authorize(.read, request: request, type: type, id: id)
        guard let stored = try await readVisible(type: type, id: id, filter: filter, in: transaction) else {
            throw FHIRError.internalError("\(type)/\(id) matched but could not be read")
        }
        return writeResponse(stored, status: 200, prefer: request.preferReturn, message: "Matched existing")
    }

    /// `PUT [type]/[id]`, not yet recorded: update, or create with the client's id; `If-Match`
    /// makes it versioned.
    private func updateWrite(type: String, id: String, request: FHIRRequest, in transaction: StoreTransaction) async throws -> WriteOutcome {
        let filter = try authorize(.update, request: request, type: type, id: id)
        try ResourceInput.checkID(id)
        let resource = try ResourceInput.resource(request.body, expectedType: type)
        guard let bodyID = ResourceInput.bodyID(resource) else {
            throw FHIRError.badRequest("An update needs the resource id in the body; add \"id\": \"\(id)\"", code: .required, expression: ["\(type).id"])
        }
        guard bodyID == id else {
            throw FHIRError.badRequest("The id in the body ('\(bodyID)') does not match the id in the URL ('\(id)')", expression: ["\(type).id"])
        }
        return try await storeUpdate(type: type, id: id, resource: resource, request: request, filter: filter, in: transaction)
    }

    /// Writes the next version of `type/id` after locking it and checking `If-Match`. Under a
    /// restricting `filter` the current version must be visible (else 404, as if absent) and
    /// the new one must be too (else 403 and nothing is stored).
    private func storeUpdate(type: String, id: String, resource: JSONObject, request: FHIRRequest, method: WriteMethod = .update, filter: AccessFilter, in transaction: StoreTransaction) async throws -> WriteOutcome {
        let issues = try validationIssues(of: request, resource: resource, type: type)
        let current = try await transaction.lockForWrite(resourceType: type, id: id)
        if let current, !current.isDeleted, try await !isVisible(type: type, id: id, filter: filter, in: transaction) {
            throw FHIRError.notFound("\(type)/\(id) is not known")
        }
        try checkIfMatch(request.ifMatch, current: current, reference: "\(type)/\(id)")
        let versionID = (current?.versionID ?? 0) + 1
        let stamped = ResourceStamp.stamp(resource, id: id, versionID: versionID, lastUpdated: transaction.now)
        let write = ResourceVersionWrite(resourceType: type, id: id, versionID: versionID, lastUpdated: transaction.now, method: method, resource: stamped, index: indexEntries(of: stamped))
        try await transaction.write([write])
        try await requireWrittenVisible(type: type, id: id, filter: filter, in: transaction)
        let created = current == nil || current?.isDeleted == true
        let response = writeResponse(write.stored, status: created ? 201 : 200, prefer: request.preferReturn, message: created ? "Created" : "Updated", issues: issues)
        return WriteOutcome(response: response, written: [WrittenVersion(write, created: created)])
    }

    /// `PUT [type]?criteria`, not yet recorded: update the one match, create when none, 412
    /// when several.
    private func conditionalUpdateWrite(type: String, request: FHIRRequest, in transaction: StoreTransaction) async throws -> WriteOutcome {
        let filter = try authorize(.update, request: request, type: type)
        let criteria = try ConditionalCriteria(resourceType: type, parameters: request.query, example: "PUT \(type)?identifier=system|value")
        let resource = try ResourceInput.resource(request.body, expectedType: type)
        let matches = try await matches(criteria, filter: filter, lock: true, in: transaction)
        let bodyID = ResourceInput.bodyID(resource)
        switch matches.count {
        case 0:
            let id = bodyID ?? ResourceIDGenerator.make(now: transaction.now)
            return try await storeUpdate(type: type, id: id, resource: resource, request: request, filter: filter, in: transaction)
        case 1:
            if let bodyID, bodyID != matches[0] {
                throw FHIRError.badRequest("The id in the body ('\(bodyID)') is not the id of the matching resource ('\(matches[0])')", expression: ["\(type).id"])
            }
            return try await storeUpdate(type: type, id: matches[0], resource: resource, request: request, filter: filter, in: transaction)
        default:
            throw FHIRError.preconditionFailed("The criteria match more than one \(type); a conditional update needs exactly one", code: .multipleMatches)
        }
    }

    /// `PATCH [type]/[id]` with a JSON Patch document, not yet recorded.
    private func patchWrite(type: String, id: String, request: FHIRRequest, in transaction: StoreTransaction) async throws -> WriteOutcome {
        let filter = try authorize(.patch, request: request, type: type, id: id)
        try ResourceInput.checkID(id)
        guard let body = request.body else { throw FHIRError.badRequest("A patch needs a JSON Patch document in the body") }
        let patch = try JSONPatch(body)
        let current = try await transaction.lockForWrite(resourceType: type, id: id)
        // What the caller may not see is absent, before anything else about it is told.
        guard let current, try await isVisible(type: type, id: id, filter: filter, in: transaction) else {
            throw FHIRError.notFound("\(type)/\(id) is not known")
        }
        guard !current.isDeleted else { throw FHIRError.gone("\(type)/\(id) was deleted") }
        try checkIfMatch(request.ifMatch, current: current, reference: "\(type)/\(id)")
        guard let stored = try await readVisible(type: type, id: id, filter: filter, in: transaction), let existing = try stored.json() else {
            throw FHIRError.notFound("\(type)/\(id) is not known")
        }
        let patched = try patch.apply(to: existing)
        guard patched["resourceType"]?.stringValue == type, patched["id"]?.stringValue == id else {
            throw FHIRError.unprocessable("A patch may not change the resource's resourceType or id")
        }
        let resource = try ResourceInput.resource(patched, expectedType: type)
        // The patched result depends on the stored version, so it is validated here, under the row lock.
        let issues = try validateWrite(.object(resource), type: type)
        let versionID = current.versionID + 1
        let stamped = ResourceStamp.stamp(resource, id: id, versionID: versionID, lastUpdated: transaction.now)
        let write = ResourceVersionWrite(resourceType: type, id: id, versionID: versionID, lastUpdated: transaction.now, method: .patch, resource: stamped, index: indexEntries(of: stamped))
        try await transaction.write([write])
        try await requireWrittenVisible(type: type, id: id, filter: filter, in: transaction)
        let response = writeResponse(write.stored, status: 200, prefer: request.preferReturn, message: "Patched", issues: issues)
        return WriteOutcome(response: response, written: [WrittenVersion(write)])
    }

    /// `DELETE [type]/[id]`, not yet recorded: writes a tombstone version; deleting what is
    /// absent or deleted succeeds too, and writes nothing.
    private func deleteWrite(type: String, id: String, request: FHIRRequest, in transaction: StoreTransaction) async throws -> WriteOutcome {
        let filter = try authorize(.delete, request: request, type: type, id: id)
        try ResourceInput.checkID(id)
        return try await storeDelete(type: type, id: id, request: request, filter: filter, in: transaction)
    }

    /// Deletes `type/id`; what `filter` hides is treated as absent, and left alone.
    private func storeDelete(type: String, id: String, request: FHIRRequest, filter: AccessFilter, in transaction: StoreTransaction) async throws -> WriteOutcome {
        var current: CurrentVersion?
        if try await transaction.currentVersion(resourceType: type, id: id) != nil {
            current = try await transaction.lockForWrite(resourceType: type, id: id)
        }
        // What the caller may not see (deleted resources included: they have no index rows) is absent.
        if current != nil, try await !isVisible(type: type, id: id, filter: filter, in: transaction) {
            current = nil
        }
        guard let current else {
            return WriteOutcome(response: deleteResponse(message: "\(type)/\(id) does not exist; nothing to delete", etag: nil, prefer: request.preferReturn), written: [])
        }
        try checkIfMatch(request.ifMatch, current: current, reference: "\(type)/\(id)")
        if current.isDeleted {
            return WriteOutcome(response: deleteResponse(message: "\(type)/\(id) was already deleted", etag: "W/\"\(current.versionID)\"", prefer: request.preferReturn), written: [])
        }
        let tombstone = ResourceVersionWrite(deleting: type, id: id, versionID: current.versionID + 1, lastUpdated: transaction.now)
        try await transaction.write([tombstone])
        let response = deleteResponse(message: "Deleted \(type)/\(id) (version \(tombstone.versionID))", etag: tombstone.stored.etag, prefer: request.preferReturn)
        return WriteOutcome(response: response, written: [WrittenVersion(tombstone)])
    }

    /// `DELETE [type]?criteria`, not yet recorded: delete the one match; none is success;
    /// several is 412.
    private func conditionalDeleteWrite(type: String, request: FHIRRequest, in transaction: StoreTransaction) async throws -> WriteOutcome {
        let filter = try authorize(.delete, request: request, type: type)
        let criteria = try ConditionalCriteria(resourceType: type, parameters: request.query, example: "DELETE \(type)?identifier=system|value")
        let matches = try await matches(criteria, filter: filter, lock: true, in: transaction)
        switch matches.count {
        case 0: return WriteOutcome(response: deleteResponse(message: "No \(type) matches; nothing to delete", etag: nil, prefer: request.preferReturn), written: [])
        case 1: return try await storeDelete(type: type, id: matches[0], request: request, filter: filter, in: transaction)
        default:
            throw FHIRError.preconditionFailed("The criteria match more than one \(type); a conditional delete deletes exactly one", code: .multipleMatches)
        }
    }

    /// Throws 412 unless `If-Match` (when given) names the current version.
    func checkIfMatch(_ ifMatch: String?, current: CurrentVersion?, reference: String) throws(FHIRError) {
        guard let ifMatch else { return }
        let expected = try ETag.versionID(fromIfMatch: ifMatch)
        guard let current, !current.isDeleted else {
            throw FHIRError.preconditionFailed("If-Match \(ifMatch): \(reference) has no current version")
        }
        guard current.versionID == expected else {
            throw FHIRError.preconditionFailed("If-Match \(ifMatch) is stale: the current version of \(reference) is \(current.versionID)")
        }
    }

    /// The response to a successful write, shaped by `Prefer: return=`; an OperationOutcome
    /// carries the validation `issues` after the message.
    func writeResponse(_ stored: StoredResource, status: Int, prefer: PreferReturn?, message: String, issues: [OperationOutcomeIssue] = []) -> FHIRResponse {
        var response = resourceResponse(stored, status: status, withLocation: true)
        switch prefer ?? .representation {
        case .representation: break
        case .minimal: response.body = .none
        case .operationOutcome:
            let summary = OperationOutcomeIssue(severity: .information, code: .informational, diagnostics: "\(message) \(stored.reference) (version \(stored.versionID))")
            response.body = .json(OperationOutcome.json([summary] + issues))
        }
        return response
    }

    private func deleteResponse(message: String, etag: String?, prefer: PreferReturn?) -> FHIRResponse {
        if prefer == .operationOutcome {
            return FHIRResponse(status: 200, body: .json(OperationOutcome.information(message)), etag: etag)
        }
        return FHIRResponse(status: 204, etag: etag)
    }
}
