import HTTPTypes
import Hummingbird
import Logging

/// Gives every request its ``RequestID`` first of all: kept in the context, put in the
/// logger's metadata (`request_id`) so every line logged for the request carries it, and
/// returned in the response's `X-Request-ID`, errors included.
struct RequestIDMiddleware: RouterMiddleware {
    typealias Context = KilnRequestContext

    /// The header's field name (a valid token, so never nil).
    static let header = HTTPField.Name(RequestID.headerName)

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        var context = context
        let id = RequestID.accepting(Self.header.flatMap { request.headers[$0] })
        context.requestID = id
        context.logger[metadataKey: "request_id"] = .string(id)
        var response = try await next(request, context)
        if let header = Self.header { response.headers[header] = id }
        return response
    }
}
