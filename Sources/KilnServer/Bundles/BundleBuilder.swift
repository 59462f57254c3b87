import Foundation
import FHIRStore
import FHIRModel

/// Assembles Bundle resources (searchset, history, batch-response, transaction-response).
enum BundleBuilder {
    /// A Bundle of `type` with optional total, links and entries, in FHIR's element order.
    static func bundle(type: String, total: Int? = nil, links: [(relation: String, url: String)] = [], entries: [JSONValue]) -> JSONValue {
        var bundle = JSONObject()
        bundle["resourceType"] = "Bundle"
        bundle["id"] = .string(ResourceIDGenerator.make())
        bundle["meta"] = ["lastUpdated": .string(FHIRInstant.format(Date()))]
        bundle["type"] = .string(type)
        if let total { bundle["total"] = .number(JSONNumber(total)) }
        if !links.isEmpty {
            bundle["link"] = .array(links.map { ["relation": .string($0.relation), "url": .string($0.url)] })
        }
        if !entries.isEmpty { bundle["entry"] = .array(entries) }
        return .object(bundle)
    }
}
