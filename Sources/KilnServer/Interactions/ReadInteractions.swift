import FHIRAccess
import FHIRModel
import FHIRStore

extension FHIRService {
    /// `GET [type]/[id]`: the current version; 410 when deleted, 404 when unknown.
    func read(type: String, id: String, request: FHIRRequest, in transaction: StoreTransaction?) async throws -> FHIRResponse {
        let filter = try authorize(.read, request: request, type: type, id: id)
        try ResourceInput.checkID(id)
        guard let stored = try await readVisible(type: type, id: id, filter: filter, in: transaction) else { throw FHIRError.notFound("\(type)/\(id) is not known") }
        if stored.isDeleted {
            throw FHIRError(status: 410, issues: [OperationOutcomeIssue(severity: .error, code: .deleted, diagnostics: "\(type)/\(id) was deleted (version \(stored.versionID))")], headers: ["ETag": stored.etag])
        }
        if let ifNoneMatch = request.ifNoneMatch, ETag.matches(ifNoneMatch, versionID: stored.versionID) {
            return FHIRResponse(status: 304, etag: stored.etag, lastModified: stored.lastUpdated)
        }
        return resourceResponse(stored, status: 200)
    }

    /// `GET [type]/[id]/_history/[vid]`: one version; 410 for a deletion, 404 when unknown.
    func vread(type: String, id: String, version: String, request: FHIRRequest) async throws -> FHIRResponse {
        let filter = try authorize(.vread, request: request, type: type, id: id)
        try ResourceInput.checkID(id)
        guard let versionID = Int64(version), versionID > 0 else {
            throw FHIRError.badRequest("'\(version)' is not a version id; versions are positive integers")
        }
        guard let current = try await readVisible(type: type, id: id, filter: filter, in: nil),
              let stored = try await store.read(resourceType: type, id: id, versionID: versionID),
              try stored.versionID == current.versionID || isPastVersionVisible(stored, filter: filter)
        else {
            throw FHIRError.notFound("\(type)/\(id) has no version \(version)")
        }
        if stored.isDeleted {
            throw FHIRError(status: 410, issues: [OperationOutcomeIssue(severity: .error, code: .deleted, diagnostics: "Version \(version) of \(type)/\(id) is its deletion")], headers: ["ETag": stored.etag])
        }
        return resourceResponse(stored, status: 200)
    }

    /// A response carrying a stored version with its ETag, Last-Modified and Location.
    func resourceResponse(_ stored: StoredResource, status: Int, withLocation: Bool = false) -> FHIRResponse {
        FHIRResponse(
            status: status,
            body: stored.text.map { .text($0) } ?? .none,
            location: withLocation ? versionURL(stored) : nil,
            etag: stored.etag,
            lastModified: stored.lastUpdated
        )
    }
}
