import FHIRStore
import Foundation
import Hummingbird
import Logging

/// An answer of the administration API that is not a success: `{"error": …, "error_description": …}`
/// with `Cache-Control: no-store`; 401 carries a `WWW-Authenticate: Bearer` challenge.
struct AdminError: Error, Sendable {
    /// The HTTP status.
    var status: HTTPResponse.Status
    /// The error code.
    var code: String
    /// What went wrong, for a person.
    var description: String

    /// 401: no token, or one that is not valid (any more).
    static func unauthorized(_ description: String, code: String = "invalid_token") -> AdminError {
        AdminError(status: .unauthorized, code: code, description: description)
    }

    /// 403: a valid token of a caller who is not an administrator.
    static func forbidden(_ description: String) -> AdminError {
        AdminError(status: .forbidden, code: "access_denied", description: description)
    }

    /// 400.
    static func invalidRequest(_ description: String) -> AdminError {
        AdminError(status: .badRequest, code: "invalid_request", description: description)
    }

    /// 404.
    static func notFound(_ description: String) -> AdminError {
        AdminError(status: .notFound, code: "not_found", description: description)
    }

    /// 409.
    static func conflict(_ description: String) -> AdminError {
        AdminError(status: .conflict, code: "conflict", description: description)
    }

    /// The error as a response.
    var response: Response {
        var headers = OAuthResponse.noStoreHeaders
        if status == .unauthorized {
            var challenge = #"Bearer realm="kiln""#
            if code != "invalid_request" {
                challenge += #", error="\#(code)", error_description="\#(description.replacingOccurrences(of: "\"", with: "'"))""#
            }
            headers[.wwwAuthenticate] = challenge
        }
        return OAuthResponse.json(["error": code, "error_description": description], status: status, headers: headers)
    }

    /// Runs `body`; its errors become their JSON answers: ``AdminError`` as it is, a
    /// ``RegistrationError`` 400, a taken id or name 409, an unknown user 404, an unknown research
    /// project 400 (a registration naming it is invalid), anything else a logged 500 without details.
    static func answering(logger: Logger, _ body: () async throws -> Response) async -> Response {
        do {
            return try await body()
        } catch let error as AdminError {
            return error.response
        } catch let error as RegistrationError {
            return invalidRequest(error.message).response
        } catch let error as AuthStoreError {
            switch error {
            case .clientExists, .userExists, .signingKeyExists: return conflict(error.description).response
            case .userNotFound: return notFound(error.description).response
            }
        } catch let error as ResearchProjectError {
            switch error {
            case .projectNotFound, .invalidName, .invalidMinimumCellSize: return invalidRequest(error.description).response
            case .projectExists, .builtIn, .inUse: return conflict(error.description).response
            }
        } catch {
            logger.error("Administration request failed", metadata: ["error": "\(String(reflecting: error))"])
            return AdminError(status: .internalServerError, code: "server_error", description: "The server could not complete the request; the error has been logged").response
        }
    }
}
