import FHIRSearch
import FHIRModel
import Foundation
import HTTPTypes
import Hummingbird
import NIOCore

/// Writes ``FHIRResponse``s and ``FHIRError``s as HTTP responses: `application/fhir+json`, ETag,
/// Last-Modified, Location, and `_pretty`.
struct ResponseEncoder {
    /// Whether to indent (`_pretty=true`).
    var pretty: Bool
    /// Whether the request was HEAD (headers only).
    var headOnly: Bool

    func encode(_ response: FHIRResponse) -> Response {
        var headers = HTTPFields()
        if let location = response.location {
            headers[.location] = location
            if response.status == 201 { headers[.contentLocation] = location }
        }
        if let etag = response.etag { headers[.eTag] = etag }
        if let lastModified = response.lastModified { headers[.lastModified] = FHIRInstant.httpDate(lastModified) }
        for (name, value) in response.headers {
            if let field = HTTPField.Name(name) { headers[field] = value }
        }
        let bytes: [UInt8]?
        switch response.body {
        case .none:
            bytes = nil
        case .json(let value):
            bytes = JSONSerializer(pretty: pretty).serialize(value)
        case .text(let text):
            if pretty, let value = try? JSONParser(limits: JSONLimits(maximumDepth: 1024)).parse(text) {
                bytes = JSONSerializer(pretty: true).serialize(value)
            } else {
                bytes = Array(text.utf8)
            }
        }
        guard let bytes else {
            return Response(status: .init(code: response.status), headers: headers)
        }
        headers[.contentType] = "\(MediaType.fhirJSON); charset=utf-8"
        headers[.contentLength] = String(bytes.count)
        if headOnly {
            return Response(status: .init(code: response.status), headers: headers)
        }
        return Response(status: .init(code: response.status), headers: headers, body: .init(byteBuffer: ByteBuffer(bytes: bytes)))
    }

    /// The response for an error: its status, its headers, and its OperationOutcome.
    func encode(_ error: FHIRError) -> Response {
        encode(FHIRResponse(status: error.status, body: .json(error.operationOutcome), headers: error.headers))
    }

    /// Reads `_pretty` from a raw query string.
    static func wantsPretty(_ query: String?) -> Bool {
        guard let query else { return false }
        return QueryParameter.parse(query).last { $0.name == "_pretty" }?.value == "true"
    }
}
