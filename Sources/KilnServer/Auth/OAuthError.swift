import Foundation
import Hummingbird
import NIOCore

/// An OAuth 2.0 error answer (RFC 6749 §5.2): `{"error": …, "error_description": …}` with
/// `Cache-Control: no-store`; 401 with a `WWW-Authenticate` challenge for `invalid_client`.
struct OAuthError: Error, Sendable {
    /// The HTTP status.
    var status: HTTPResponse.Status
    /// The OAuth error code (`invalid_request`, `invalid_client`, `invalid_grant`, …).
    var code: String
    /// What went wrong, for a person.
    var description: String

    static func invalidRequest(_ description: String) -> OAuthError { OAuthError(status: .badRequest, code: "invalid_request", description: description) }
    static func invalidClient(_ description: String) -> OAuthError { OAuthError(status: .unauthorized, code: "invalid_client", description: description) }
    static func invalidGrant(_ description: String) -> OAuthError { OAuthError(status: .badRequest, code: "invalid_grant", description: description) }
    static func invalidScope(_ description: String) -> OAuthError { OAuthError(status: .badRequest, code: "invalid_scope", description: description) }
    static func unauthorizedClient(_ description: String) -> OAuthError { OAuthError(status: .badRequest, code: "unauthorized_client", description: description) }
    static func unsupportedGrantType(_ description: String) -> OAuthError { OAuthError(status: .badRequest, code: "unsupported_grant_type", description: description) }

    /// The error as a response.
    var response: Response {
        var headers = OAuthResponse.noStoreHeaders
        if status == .unauthorized { headers[.wwwAuthenticate] = #"Basic realm="kiln""# }
        return OAuthResponse.json(["error": code, "error_description": description], status: status, headers: headers)
    }
}

/// JSON answers of the authorization server's endpoints.
enum OAuthResponse {
    /// `Content-Type: application/json`, `Cache-Control: no-store`.
    static var noStoreHeaders: HTTPFields {
        [.contentType: "application/json", .cacheControl: "no-store"]
    }

    /// `object` as JSON.
    static func json(_ object: [String: any Sendable], status: HTTPResponse.Status = .ok, headers: HTTPFields = noStoreHeaders) -> Response {
        let data = (try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys])) ?? Data("{}".utf8)
        return Response(status: status, headers: headers, body: ResponseBody(byteBuffer: ByteBuffer(bytes: data)))
    }

    /// Runs `body`; an ``OAuthError`` becomes its JSON answer, any other error a `server_error`.
    static func answering(_ body: () async throws -> Response) async -> Response {
        do {
            return try await body()
        } catch let error as OAuthError {
            return error.response
        } catch {
            return OAuthError(status: .internalServerError, code: "server_error", description: "The authorization server could not complete the request; retry later").response
        }
    }
}
