import Foundation
import Hummingbird
import Logging
import SMARTAuth

/// The administration API under `/admin`, for administrators only (see ``AdminAuthenticator``):
///
/// | method | path | |
/// |---|---|---|
/// | `GET` | `/admin/clients[?include_removed=true]` | the clients |
/// | `POST` | `/admin/clients` | register a client (201) |
/// | `GET` | `/admin/clients/{id}` | one client |
/// | `DELETE` | `/admin/clients/{id}` | remove a client; its refresh tokens are revoked |
/// | `GET` | `/admin/users` | the users |
/// | `POST` | `/admin/users` | add a user (201) |
/// | `GET` | `/admin/users/{username}` | one user |
/// | `DELETE` | `/admin/users/{username}` | remove a user; their refresh tokens are revoked |
/// | `POST` | `/admin/users/{username}/patients` | assign patients to a clinician |
///
/// Bodies and answers are JSON; secrets and passwords are stored hashed and never shown.
/// Errors are `{"error": …, "error_description": …}` with 400, 401, 403, 404 or 409.
enum AdminRoutes {
    /// Adds the routes; `baseURL` gives the FHIR base of the running server (the tokens' audience).
    static func register(on router: Router<KilnRequestContext>, auth: AuthServices, baseURL: @escaping @Sendable () -> String) {
        let clients = AdminClientsEndpoint(auth: auth)
        let users = AdminUsersEndpoint(auth: auth)
        let gate = AdminGate(authenticator: AdminAuthenticator(auth: auth), baseURL: baseURL)

        router.get("/admin/clients") { request, context in
            await gate.answer(request, context) { _ in try await clients.list(request) }
        }
        router.post("/admin/clients") { request, context in
            await gate.answer(request, context) { caller in try await clients.create(request, caller: caller, logger: context.logger) }
        }
        router.get("/admin/clients/:id") { request, context in
            await gate.answer(request, context) { _ in try await clients.show(try AdminQuery.parameter("id", of: context), request: request) }
        }
        router.delete("/admin/clients/:id") { request, context in
            await gate.answer(request, context) { caller in
                try await clients.remove(try AdminQuery.parameter("id", of: context), caller: caller, logger: context.logger)
            }
        }
        router.get("/admin/users") { request, context in
            await gate.answer(request, context) { _ in try await users.list() }
        }
        router.post("/admin/users") { request, context in
            await gate.answer(request, context) { caller in try await users.create(request, caller: caller, logger: context.logger) }
        }
        router.get("/admin/users/:username") { request, context in
            await gate.answer(request, context) { _ in try await users.show(try AdminQuery.parameter("username", of: context)) }
        }
        router.delete("/admin/users/:username") { request, context in
            await gate.answer(request, context) { caller in
                try await users.remove(try AdminQuery.parameter("username", of: context), caller: caller, logger: context.logger)
            }
        }
        router.post("/admin/users/:username/patients") { request, context in
            await gate.answer(request, context) { caller in
                try await users.assignPatients(try AdminQuery.parameter("username", of: context), request: request, caller: caller, logger: context.logger)
            }
        }
    }
}

/// Lets an administrator's request through to its handler, and turns every error into its JSON answer.
struct AdminGate: Sendable {
    let authenticator: AdminAuthenticator
    let baseURL: @Sendable () -> String

    func answer(_ request: Request, _ context: KilnRequestContext, _ handler: (SMARTCaller) async throws -> Response) async -> Response {
        await AdminError.answering(logger: context.logger) {
            let caller = try await authenticator.administrator(request, baseURL: baseURL())
            return try await handler(caller)
        }
    }
}
