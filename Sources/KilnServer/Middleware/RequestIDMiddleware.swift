import Foundation
import HTTPTypes
import Hummingbird
import Logging

/// Gives every request its ``RequestID`` first of all: kept in the context, put in the
/// logger's metadata (`request_id`) so every line logged for the request carries it, and
/// returned in the response's `X-Request-ID`, errors included. Each request ends with one
/// `info` line: method, status, the first two segments of the path (`/fhir/Patient`, never
/// an id or a query, which may carry data) and the time it took.
struct RequestIDMiddleware: RouterMiddleware {
    typealias Context = KilnRequestContext

    /// The header's field name (a valid token, so never nil).
    static let header = HTTPField.Name(RequestID.headerName)

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        var context = context
        let id = RequestID.accepting(Self.header.flatMap { request.headers[$0] })
        context.requestID = id
        context.logger[metadataKey: "request_id"] = .string(id)
        let started = ContinuousClock.now
        var response = try await next(request, context)
        if let header = Self.header { response.headers[header] = id }
        let elapsed = ContinuousClock.now - started
        context.logger.info("Request answered", metadata: [
            "method": .string(request.method.rawValue),
            "path": .string(Self.pathPrefix(request.uri.path)),
            "status": .stringConvertible(response.status.code),
            "ms": .string(String(format: "%.2f", Double(elapsed.components.attoseconds) / 1e15 + Double(elapsed.components.seconds) * 1000)),
        ])
        return response
    }

    /// The first two segments of `path`: what the request addressed, without ids.
    static func pathPrefix(_ path: String) -> String {
        "/" + path.split(separator: "/", omittingEmptySubsequences: true).prefix(2).joined(separator: "/")
    }
}
