import FHIRStore
import Foundation
import Hummingbird
import Logging
import SMARTAuth

/// `/admin/users`: list, add, show and remove users, and assign patients to clinicians.
struct AdminUsersEndpoint: Sendable {
    let auth: AuthServices

    /// `GET /admin/users`: `{"users": [...]}`, ordered by name.
    func list() async throws -> Response {
        try AdminResponse.json(["users": try await auth.store.users().map(UserView.init)])
    }

    /// `POST /admin/users`: 201 with the user and its `Location`; 409 when the name is taken.
    func create(_ request: Request, caller: SMARTCaller, logger: Logger) async throws -> Response {
        let body = try await AdminJSONBody.read(request, allowed: AdminUserRequest.members)
        let record = try AdminUserRequest.record(from: body)
        try await auth.store.addUser(record)
        logger.notice("User added", metadata: ["username": "\(record.username)", "role": "\(record.role)", "by": "\(caller.subject)"])
        let stored = try await auth.store.user(named: record.username) ?? record
        return try AdminResponse.json(UserView(stored), status: .created, location: "/admin/users/\(AdminQuery.pathSegment(record.username))")
    }

    /// `GET /admin/users/{username}`: the user, or 404.
    func show(_ username: String) async throws -> Response {
        try AdminResponse.json(UserView(try await user(username)))
    }

    /// `DELETE /admin/users/{username}`: removes the user and revokes their refresh tokens; 404
    /// for an unknown user, 409 for the last administrator.
    func remove(_ username: String, caller: SMARTCaller, logger: Logger) async throws -> Response {
        let target = try await user(username)
        if target.role == Role.administrator.rawValue {
            let administrators = try await auth.store.users().filter { $0.role == Role.administrator.rawValue }
            guard administrators.count > 1 else {
                throw AdminError.conflict("'\(username)' is the last administrator; add another administrator first")
            }
        }
        guard let revoked = try await auth.store.removeUser(named: username) else {
            throw AdminError.notFound("No user is named '\(username)'")
        }
        logger.notice("User removed", metadata: ["username": "\(username)", "by": "\(caller.subject)"])
        return try AdminResponse.json(AdminRemoval(id: username, refreshTokensRevoked: revoked, key: "username"))
    }

    /// `POST /admin/users/{username}/patients` with `{"patients": ["p1", "Patient/p2"]}`: assigns
    /// patients to a clinician (those assigned already stay) and answers with the user.
    func assignPatients(_ username: String, request: Request, caller: SMARTCaller, logger: Logger) async throws -> Response {
        let body = try await AdminJSONBody.read(request, allowed: ["patients"])
        let rules = RegistrationRules(spelling: .json)
        var ids: Set<String> = []
        for patient in try body.strings("patients") {
            ids.insert(try rules.patientID(patient))
        }
        guard !ids.isEmpty else { throw AdminError.invalidRequest("patients must name at least one patient") }
        let target = try await user(username)
        guard target.role == Role.clinician.rawValue else {
            throw AdminError.invalidRequest("Patients are assigned to clinicians; '\(username)' has the role \(target.role)")
        }
        try await auth.store.assignPatients(ids.sorted(), to: username)
        logger.notice("Patients assigned", metadata: ["username": "\(username)", "count": "\(ids.count)", "by": "\(caller.subject)"])
        return try AdminResponse.json(UserView(try await user(username)))
    }

    private func user(_ username: String) async throws -> UserRecord {
        guard let user = try await auth.store.user(named: username) else {
            throw AdminError.notFound("No user is named '\(username)'")
        }
        return user
    }
}
