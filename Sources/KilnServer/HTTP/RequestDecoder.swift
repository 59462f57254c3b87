import FHIRSearch
import FHIRAccess
import FHIRModel
import Foundation
import Hummingbird
import NIOCore

/// Turns an HTTP request under `/fhir` into a ``FHIRRequest``: route, query, headers, and the body
/// read within the size limit and parsed within the depth limit.
struct RequestDecoder {
    let limits: ServerLimits
    /// The path of the FHIR base this decoder serves: `/fhir`, or `/research/fhir`.
    var prefix = Self.clinicalPrefix

    /// The path of the clinical FHIR base.
    static let clinicalPrefix = "/fhir"

    func decode(_ request: Request) async throws -> FHIRRequest {
        let path = request.uri.path
        guard path == prefix || path.hasPrefix(prefix + "/") else {
            throw FHIRError.notFound("\(path) is not a FHIR endpoint; the FHIR base is \(prefix)")
        }
        var relative = path.dropFirst(prefix.count)
        if relative.hasPrefix("/") { relative = relative.dropFirst() }
        if relative.hasSuffix("/") { relative = relative.dropLast() }
        guard let route = FHIRRoute(path: relative) else {
            throw FHIRError.notFound("\(path) is not a FHIR interaction URL")
        }
        guard let method = FHIRMethod(rawValue: request.method.rawValue) else {
            throw FHIRError.methodNotAllowed("\(request.method.rawValue) is not a FHIR interaction", allow: ["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE"])
        }
        var query = QueryParameter.parse(request.uri.query ?? "")
        try MediaType.negotiate(format: query.last { $0.name == "_format" }?.value, accept: request.headers[.accept])
        var body: JSONValue?
        if route.isSearchByPost, method == .post {
            query += try await readSearchForm(request)
        } else if method == .post || method == .put || method == .patch {
            body = try await readBody(request, method: method, route: route)
        }
        var decoded = FHIRRequest(
            method: method,
            route: route,
            query: query,
            ifMatch: request.headers[.ifMatch],
            ifNoneExist: request.headers.first { $0.name.canonicalName == "if-none-exist" }?.value,
            ifNoneMatch: request.headers[.ifNoneMatch],
            preferReturn: PreferReturn(header: request.headers.first { $0.name.canonicalName == "prefer" }?.value),
            preferHandling: PreferHandling(header: request.headers.first { $0.name.canonicalName == "prefer" }?.value),
            body: body,
            principal: .anonymous
        )
        if method.isWrite, Self.writesResources(route), let header = request.headers.first(where: { $0.name.canonicalName == "x-provenance" })?.value {
            decoded.provenanceHeader = try ProvenanceHeader.parse(header, maximumSize: limits.maximumBodySize, maximumDepth: limits.maximumJSONDepth)
        }
        return decoded
    }

    /// Whether a write to `route` writes resources (and so takes an `X-Provenance` header): a
    /// type, an instance or a Bundle at the base; not a search by POST or an operation.
    private static func writesResources(_ route: FHIRRoute) -> Bool {
        switch route {
        case .type, .instance, .system: true
        default: false
        }
    }

    /// The parameters of `POST [type]/_search` and `POST _search`, sent as `application/x-www-form-urlencoded`.
    private func readSearchForm(_ request: Request) async throws -> [QueryParameter] {
        let buffer = try await collect(request)
        guard buffer.readableBytes > 0 else { return [] }
        guard let contentType = request.headers[.contentType], MediaType.essence(contentType) == "application/x-www-form-urlencoded" else {
            throw FHIRError.unsupportedMediaType("POST _search takes its parameters as application/x-www-form-urlencoded")
        }
        return QueryParameter.parse(String(decoding: buffer.readableBytesView, as: UTF8.self))
    }

    /// The whole body, within the size limit (413 beyond it).
    private func collect(_ request: Request) async throws -> ByteBuffer {
        if let length = request.headers[.contentLength].flatMap(Int.init), length > limits.maximumBodySize {
            throw FHIRError.payloadTooLarge("The body is \(length) bytes; the limit is \(limits.maximumBodySize) bytes")
        }
        do {
            return try await request.body.collect(upTo: limits.maximumBodySize)
        } catch is NIOTooManyBytesError {
            throw FHIRError.payloadTooLarge("The body is larger than the limit of \(limits.maximumBodySize) bytes")
        }
    }

    private func readBody(_ request: Request, method: FHIRMethod, route: FHIRRoute) async throws -> JSONValue? {
        let buffer = try await collect(request)
        guard buffer.readableBytes > 0 else {
            // An operation invoked by POST may have no input (`POST Patient/1/$validate`).
            if case .operation = route, method == .post { return nil }
            throw FHIRError.badRequest("The request has no body")
        }
        guard let contentType = request.headers[.contentType] else {
            throw FHIRError.unsupportedMediaType("The request has no Content-Type; send application/fhir+json\(method == .patch ? " or, for PATCH, application/json-patch+json" : "")")
        }
        if method == .patch {
            guard MediaType.essence(contentType) == MediaType.jsonPatch else {
                throw FHIRError.unsupportedMediaType("PATCH takes application/json-patch+json, not \(contentType)")
            }
        } else if !MediaType.isFHIRJSON(contentType) {
            throw FHIRError.unsupportedMediaType("Content-Type \(contentType) is not supported; send application/fhir+json")
        }
        let bytes = Array(buffer.readableBytesView)
        do {
            return try JSONParser(limits: JSONLimits(maximumDepth: limits.maximumJSONDepth)).parse(bytes)
        } catch {
            let code: IssueType = error.kind == .tooDeep ? .tooCostly : .structure
            throw FHIRError.badRequest("The body is not valid JSON: \(error.description)", code: code)
        }
    }
}
