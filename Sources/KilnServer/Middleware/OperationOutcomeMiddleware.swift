import FHIRModel
import Hummingbird
import Logging
import PostgresNIO

/// The one place where errors become responses: every error leaves as an OperationOutcome with
/// the right status. Unexpected errors are logged in full and answered with a generic 500 or 503,
/// never with internal details.
struct OperationOutcomeMiddleware: RouterMiddleware {
    typealias Context = KilnRequestContext

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        do {
            return try await next(request, context)
        } catch {
            let fhirError = Self.fhirError(from: error, request: request, logger: context.logger)
            let encoder = ResponseEncoder(pretty: ResponseEncoder.wantsPretty(request.uri.query), headOnly: request.method == .head)
            return encoder.encode(fhirError)
        }
    }

    /// Maps any error to a ``FHIRError``.
    static func fhirError(from error: any Error, request: Request, logger: Logger) -> FHIRError {
        switch error {
        case let fhirError as FHIRError:
            if fhirError.status >= 500 {
                logger.error("Request failed", metadata: ["method": "\(request.method)", "path": "\(request.uri.path)", "error": "\(fhirError)"])
                return FHIRError(status: fhirError.status, code: fhirError.issues.first?.code ?? .exception, "The server could not complete the request; the error has been logged")
            }
            return fhirError
        case let httpError as HTTPError:
            if httpError.status == .notFound {
                return FHIRError.notFound("\(request.uri.path) is not a FHIR endpoint; the FHIR base is /fhir")
            }
            if httpError.status == .methodNotAllowed {
                return FHIRError(status: 405, code: .notSupported, "\(request.method.rawValue) is not allowed on \(request.uri.path)")
            }
            if httpError.status == .contentTooLarge {
                return FHIRError.payloadTooLarge("The body is larger than the server accepts")
            }
            let code = httpError.status.code
            return FHIRError(status: code, code: code < 500 ? .invalid : .exception, httpError.body ?? httpError.status.reasonPhrase)
        case let psqlError as PSQLError:
            // The SQL state and message only: the server's detail and the statement can hold row values.
            logger.error("Database error", metadata: [
                "sqlState": "\(psqlError.serverInfo?[.sqlState] ?? "none")",
                "message": "\(psqlError.serverInfo?[.message] ?? "\(psqlError.code)")",
            ])
            if psqlError.code == .server, let sqlState = psqlError.serverInfo?[.sqlState] {
                // 40001 serialization failure, 40P01 deadlock: the client may retry.
                if sqlState == "40001" || sqlState == "40P01" {
                    return FHIRError(status: 409, code: .transient, "The write conflicted with a concurrent write; retry the request")
                }
                if sqlState == "23505" {
                    return FHIRError.conflict("The write conflicted with a concurrent write of the same resource; retry the request", code: .duplicate)
                }
            }
            return FHIRError.unavailable("The database could not complete the request; retry later")
        default:
            logger.error("Unexpected error", metadata: ["method": "\(request.method)", "path": "\(request.uri.path)", "error": "\(String(reflecting: error))"])
            return FHIRError.internalError("The server could not complete the request; the error has been logged")
        }
    }
}
