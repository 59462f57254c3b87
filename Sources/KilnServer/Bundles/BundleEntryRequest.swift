import FHIRSearch
import FHIRAccess
import FHIRModel
import Foundation

/// One entry of a batch or transaction Bundle, decoded into the request it stands for.
struct BundleEntryRequest {
    /// The entry's position in the Bundle, for error messages (`Bundle.entry[3]`).
    var index: Int
    /// `entry.fullUrl`, e.g. `urn:uuid:…`.
    var fullURL: String?
    /// The request, as if it had come over HTTP.
    var request: FHIRRequest

    /// The FHIRPath of this entry, for OperationOutcome expressions.
    var expression: String { "Bundle.entry[\(index)]" }

    /// Decodes `entry` (an element of `Bundle.entry`).
    init(entry: JSONValue, index: Int, baseURL: String, principal: Principal, accessController: (any AccessController)?, prefer: PreferReturn?) throws(FHIRError) {
        let expression = "Bundle.entry[\(index)]"
        guard case .object(let object) = entry else {
            throw FHIRError.badRequest("\(expression) is not an object", code: .structure, expression: [expression])
        }
        guard case .object(let requestObject)? = object["request"] else {
            throw FHIRError.badRequest("\(expression) has no request; batch and transaction entries need request.method and request.url", code: .required, expression: ["\(expression).request"])
        }
        guard let methodText = requestObject["method"]?.stringValue, let method = FHIRMethod(rawValue: methodText) else {
            throw FHIRError.badRequest("\(expression).request.method must be GET, HEAD, POST, PUT, PATCH or DELETE", code: .value, expression: ["\(expression).request.method"])
        }
        guard let url = requestObject["url"]?.stringValue, !url.isEmpty else {
            throw FHIRError.badRequest("\(expression).request.url is missing", code: .required, expression: ["\(expression).request.url"])
        }
        let (route, query) = try Self.parse(url: url, baseURL: baseURL, expression: expression)
        var body = object["resource"]
        if method == .patch, let resource = body {
            body = try Self.patchDocument(from: resource, expression: expression)
        }
        self.index = index
        self.fullURL = object["fullUrl"]?.stringValue
        self.request = FHIRRequest(
            method: method,
            route: route,
            query: query,
            ifMatch: requestObject["ifMatch"]?.stringValue,
            ifNoneExist: requestObject["ifNoneExist"]?.stringValue,
            ifNoneMatch: requestObject["ifNoneMatch"]?.stringValue,
            // Entries return only their status, location and ETag unless the client asks for more.
            preferReturn: prefer ?? .minimal,
            body: body,
            principal: principal
        )
        self.request.accessController = accessController
    }

    /// Splits an entry URL (relative, or absolute on this server) into route and query.
    static func parse(url: String, baseURL: String, expression: String) throws(FHIRError) -> (FHIRRoute, [QueryParameter]) {
        var text = url
        if text.hasPrefix(baseURL + "/") {
            text.removeFirst(baseURL.count + 1)
        } else if text.hasPrefix("http://") || text.hasPrefix("https://") {
            throw FHIRError.badRequest("\(expression).request.url '\(url)' is not on this server (\(baseURL))", expression: ["\(expression).request.url"])
        }
        if text.hasPrefix("/") { text.removeFirst() }
        var queryString = ""
        if let mark = text.firstIndex(of: "?") {
            queryString = String(text[text.index(after: mark)...])
            text = String(text[..<mark])
        }
        guard let route = FHIRRoute(path: Substring(text)) else {
            throw FHIRError.badRequest("\(expression).request.url '\(url)' is not a FHIR interaction URL", expression: ["\(expression).request.url"])
        }
        return (route, QueryParameter.parse(queryString))
    }

    /// The JSON Patch document of a PATCH entry: a Binary with `contentType` application/json-patch+json.
    static func patchDocument(from resource: JSONValue, expression: String) throws(FHIRError) -> JSONValue {
        guard resource["resourceType"]?.stringValue == "Binary",
              resource["contentType"]?.stringValue == "application/json-patch+json",
              let data = resource["data"]?.stringValue,
              let bytes = Data(base64Encoded: data)
        else {
            throw FHIRError.badRequest("\(expression): a PATCH entry needs a Binary resource with contentType application/json-patch+json and the patch base64-encoded in data", expression: ["\(expression).resource"])
        }
        do {
            return try JSONParser().parse(Array(bytes))
        } catch {
            throw FHIRError.badRequest("\(expression): the JSON Patch document is not valid JSON: \(error)", expression: ["\(expression).resource.data"])
        }
    }
}
