import FHIRDeidentify
import FHIRModel
import FHIRStore
import Foundation

/// What a research response may carry. There is no case for a stored resource: a resource
/// reaches the wire only as the engine's ``FHIRDeidentify/DeidentifiedResource``.
enum ResearchBody: Sendable {
    /// One de-identified resource.
    case resource(DeidentifiedResource)
    /// A searchset of de-identified resources.
    case searchset(ResearchSearchset)
    /// The history of one resource, every version de-identified.
    case history(ResearchHistory)
    /// A document the server writes about itself (the CapabilityStatement, the SMART
    /// configuration), holding no patient data.
    case serverDocument(JSONValue)
    /// No body (304).
    case none
}

/// One response of the research view.
struct ResearchResponse: Sendable {
    /// The HTTP status.
    var status: Int
    /// The body.
    var body: ResearchBody
    /// `ETag`: the version (a counter, not a date or an id).
    var etag: String?

    /// The response as the HTTP encoder takes it: the one place a research body is serialized.
    var fhirResponse: FHIRResponse {
        switch body {
        case .resource(let resource):
            return FHIRResponse(status: status, body: .json(resource.json), etag: etag)
        case .searchset(let searchset):
            return FHIRResponse(status: status, body: .json(searchset.json))
        case .history(let history):
            return FHIRResponse(status: status, body: .json(history.json))
        case .serverDocument(let document):
            return FHIRResponse(status: status, body: .json(document))
        case .none:
            return FHIRResponse(status: status, etag: etag)
        }
    }
}

/// A searchset of the research view: the matches and includes de-identified, the total only
/// when at least the project's minimum cell size, links carrying pseudonyms and sealed cursors.
struct ResearchSearchset: Sendable {
    /// One entry.
    struct Entry: Sendable {
        /// The resource.
        var resource: DeidentifiedResource
        /// `match` or `include`.
        var mode: String
    }

    /// The research base, for `fullUrl`.
    var baseURL: String
    /// The reported total.
    var total: Int?
    /// `self`, `next`, `previous`.
    var links: [(relation: String, url: String)]
    /// The entries.
    var entries: [Entry]

    /// The Bundle.
    var json: JSONValue {
        let entries: [JSONValue] = entries.map { entry in
            var object = JSONObject()
            if let id = entry.resource.id { object["fullUrl"] = .string("\(baseURL)/\(entry.resource.resourceType)/\(id)") }
            object["resource"] = entry.resource.json
            object["search"] = ["mode": .string(entry.mode)]
            return .object(object)
        }
        return BundleBuilder.bundle(type: "searchset", total: total, links: links, entries: entries)
    }
}

/// The history Bundle of one resource in the research view: each version de-identified (a
/// deletion carries none), its URL the pseudonym's, its response the status and ETag only.
struct ResearchHistory: Sendable {
    /// One version.
    struct Entry: Sendable {
        /// The version de-identified; nil for a deletion.
        var resource: DeidentifiedResource?
        /// Its type.
        var resourceType: String
        /// The resource's pseudonym.
        var pseudonym: String
        /// How the version was written.
        var method: WriteMethod
        /// The version.
        var versionID: Int64
    }

    /// The research base, for `fullUrl`.
    var baseURL: String
    /// `self` and `next`.
    var links: [(relation: String, url: String)]
    /// The versions, newest first.
    var entries: [Entry]

    /// The Bundle.
    var json: JSONValue {
        let entries: [JSONValue] = entries.map { entry in
            var object = JSONObject()
            object["fullUrl"] = .string("\(baseURL)/\(entry.resourceType)/\(entry.pseudonym)")
            if let resource = entry.resource { object["resource"] = resource.json }
            object["request"] = ["method": .string(entry.method.rawValue), "url": .string(entry.method == .create ? entry.resourceType : "\(entry.resourceType)/\(entry.pseudonym)")]
            object["response"] = ["status": .string(entry.method == .delete ? "204 No Content" : (entry.versionID == 1 ? "201 Created" : "200 OK")), "etag": .string("W/\"\(entry.versionID)\"")]
            return .object(object)
        }
        return BundleBuilder.bundle(type: "history", links: links, entries: entries)
    }
}
