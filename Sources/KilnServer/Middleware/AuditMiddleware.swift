import FHIRModel
import Hummingbird
import Logging

/// Records every request in the audit log once its answer is known, and only then lets the
/// answer go: the request's ``AuditTrail`` is made here, filled while it is served, and turned
/// into one record with the status answered. A request whose write already recorded itself in
/// its own transaction is not recorded twice. When the record cannot be written, the answer
/// is replaced by a 503 OperationOutcome: nothing is served unaudited.
///
/// It runs after ``RequestIDMiddleware`` and before ``OperationOutcomeMiddleware``, so it sees
/// every error already as the response the client would get. `/health` is not recorded: it
/// carries no data and no caller, and orchestrators poll it.
struct AuditMiddleware: RouterMiddleware {
    typealias Context = KilnRequestContext

    let audit: AuditService

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        if request.uri.path == "/health" { return try await next(request, context) }
        let trail = AuditTrail(requestID: context.requestID, method: request.method.rawValue, path: request.uri.path,
                               sourceAddress: context.remoteAddress?.ipAddress)
        let response: Response
        do {
            response = try await AuditTrail.$current.withValue(trail) { try await next(request, context) }
        } catch {
            // The error middleware answers every error; anything left is recorded as a failure.
            try await record(trail, status: 500, logger: context.logger)
            throw error
        }
        let state = trail.snapshot
        // A write recorded itself in its own transaction, committed when it succeeded; a batch
        // is recorded as a whole besides, for the reads among its entries.
        if state.recordedWithWrite && response.status.code < 400 {
            await audit.mirror(state.recordsWithWrite)
            if state.interaction?.name != "batch" { return response }
        }
        do {
            try await audit.record(PendingAudit(trail: trail, status: response.status.code))
        } catch {
            context.logger.error("The audit record could not be written; the response was withheld", metadata: ["error": "\(String(reflecting: type(of: error)))"])
            let failure = FHIRError.unavailable("The access could not be recorded in the audit log, so nothing was served; retry later")
            return ResponseEncoder(pretty: false, headOnly: request.method == .head).encode(failure)
        }
        return response
    }

    private func record(_ trail: AuditTrail, status: Int, logger: Logger) async throws {
        do {
            try await audit.record(PendingAudit(trail: trail, status: status))
        } catch {
            logger.error("The audit record of a failed request could not be written")
            throw FHIRError.unavailable("The access could not be recorded in the audit log; retry later")
        }
    }
}
